package dev.allframe.projection;

/** What a projection is doing. */
public enum ProjectionState {
    /** Following the global log. */
    RUNNING,
    /** Replaying the log from the start after a reset; see {@link ProjectionStatus#rebuild()}. */
    REBUILDING,
    /** Stopped by {@link ProjectionRegistry#pause}; {@link ProjectionRegistry#resume} continues. */
    PAUSED,
    /** Stopped at an event its handler failed on; see {@link ProjectionStatus#failure()}. */
    FAILED
}
