package dev.allframe.projection;

/** How a projection is fed. */
public enum ProjectionMode {
    /**
     * In the appending transaction, before {@code dispatch} returns; a failing handler rolls the command
     * back.
     */
    INLINE,
    /**
     * By a tracking processor reading the global log from the projection's checkpoint in batches, after
     * the commands have committed.
     */
    ASYNC
}
