package dev.allframe.cdi.error.openevents;

/** Sealed, but one of the types it permits is open. */
public sealed interface Entry permits Noted, OpenEntry {
}
