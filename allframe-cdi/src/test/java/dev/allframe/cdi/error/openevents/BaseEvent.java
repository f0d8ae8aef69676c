package dev.allframe.cdi.error.openevents;

/** Any class may extend it. */
public abstract class BaseEvent {
}
