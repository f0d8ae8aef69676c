package dev.allframe.projection;

import java.time.Instant;

/**
 * A projection's state at one moment.
 *
 * @param position      global position of the last event applied (0: none yet)
 * @param lastEventTime timestamp of that event, {@code null} when none
 * @param head          the global log's head when the status was taken
 * @param failure       why the projection stopped, when {@link ProjectionState#FAILED}
 * @param rebuild       how far a rebuild has come, when {@link ProjectionState#REBUILDING}
 * @param parked        how many events the projection went past and keeps parked ({@link ProjectionRegistry#parked})
 * @param owner         the node applying the projection's events, when the nodes sharing the store take turns
 *                      (the JPA store): {@code null} while no node holds it, and for a projection every node applies
 *                      to a read model of its own
 */
public record ProjectionStatus(String name, ProjectionMode mode, ProjectionState state, long position,
                               Instant lastEventTime, long head, Failure failure, RebuildProgress rebuild,
                               long parked, String owner) {

    /** A status without an owner. */
    public ProjectionStatus(String name, ProjectionMode mode, ProjectionState state, long position,
                            Instant lastEventTime, long head, Failure failure, RebuildProgress rebuild, long parked) {
        this(name, mode, state, position, lastEventTime, head, failure, rebuild, parked, null);
    }

    /** A status without parked events. */
    public ProjectionStatus(String name, ProjectionMode mode, ProjectionState state, long position,
                            Instant lastEventTime, long head, Failure failure, RebuildProgress rebuild) {
        this(name, mode, state, position, lastEventTime, head, failure, rebuild, 0, null);
    }

    /** This status with {@code count} parked events. */
    public ProjectionStatus withParked(long count) {
        return new ProjectionStatus(name, mode, state, position, lastEventTime, head, failure, rebuild, count, owner);
    }

    /** This status with {@code node} applying the projection's events. */
    public ProjectionStatus withOwner(String node) {
        return new ProjectionStatus(name, mode, state, position, lastEventTime, head, failure, rebuild, parked, node);
    }

    /** How many events the projection is behind the head. */
    public long lag() {
        return Math.max(0, head - position);
    }

    /**
     * The event a projection failed on and why.
     *
     * @param position the failed event's global position
     * @param message  the failure's message, with its id
     */
    public record Failure(long position, String streamId, long streamVersion, String typeName, String message) {
    }

    /**
     * @param target the head position the rebuild replays up to
     */
    public record RebuildProgress(long replayed, long target) {
    }
}
