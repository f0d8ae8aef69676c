package dev.allframe.projection;

import java.time.Instant;
import java.util.List;

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
 *                      to a read model of its own; for a projection split into segments, the nodes holding them,
 *                      comma-separated
 * @param segments      for a projection split into segments, each segment's status, named like {@code ledger[2/4]};
 *                      the projection's own is the sum of theirs: the lowest position, the first failure, the events
 *                      parked by all; empty for a projection that is not split
 */
public record ProjectionStatus(String name, ProjectionMode mode, ProjectionState state, long position,
                               Instant lastEventTime, long head, Failure failure, RebuildProgress rebuild,
                               long parked, String owner, List<ProjectionStatus> segments) {

    public ProjectionStatus {
        segments = segments == null ? List.of() : List.copyOf(segments);
    }

    /** A status of a projection that is not split into segments. */
    public ProjectionStatus(String name, ProjectionMode mode, ProjectionState state, long position,
                            Instant lastEventTime, long head, Failure failure, RebuildProgress rebuild, long parked,
                            String owner) {
        this(name, mode, state, position, lastEventTime, head, failure, rebuild, parked, owner, List.of());
    }

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
        return new ProjectionStatus(name, mode, state, position, lastEventTime, head, failure, rebuild, count, owner,
                segments);
    }

    /** This status with {@code node} applying the projection's events. */
    public ProjectionStatus withOwner(String node) {
        return new ProjectionStatus(name, mode, state, position, lastEventTime, head, failure, rebuild, parked, node,
                segments);
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
