package dev.allframe.cdi.error.openevents;

/** Any class may implement it. */
public interface Note {
}
