package dev.allframe.projection;

/**
 * What an async projection does with an event its handler still fails on once its retries are used up. Neither
 * skips an event silently: a parked event is recorded in the store's dead letters, where an operator sees it and
 * retries it ({@link ProjectionRegistry#parked}, {@link ProjectionRegistry#retryParked}).
 */
public enum FailurePolicy {
    /**
     * Stops the projection FAILED at the event, until an operator resumes it ({@link ProjectionRegistry#resume}) or
     * parks the event ({@link ProjectionRegistry#skip}).
     */
    STOP,
    /**
     * Parks the event in the store's dead letters and goes on with the next one; with a transactional store the
     * dead letter and the checkpoint move past the event commit together. Needs a store that keeps dead letters.
     */
    PARK
}
