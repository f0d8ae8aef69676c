package dev.allframe.projection;

/** What a projection is doing. */
public enum ProjectionState {
    /** Following the global log. */
    RUNNING,
    /**
     * Replaying the log from the start, after a reset or, for a projection that replays the log at each start, after
     * the start, until it reached the head it found then; see {@link ProjectionStatus#rebuild()}.
     */
    REBUILDING,
    /** Stopped by {@link ProjectionRegistry#pause}; {@link ProjectionRegistry#resume} continues. */
    PAUSED,
    /** Stopped at an event its handler failed on; see {@link ProjectionStatus#failure()}. */
    FAILED
}
