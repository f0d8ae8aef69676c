package dev.allframe.projection;

import java.time.Instant;

/**
 * An event a projection went past without applying it: parked by its {@link FailurePolicy#PARK} policy or by an
 * operator ({@link ProjectionRegistry#skip}). It refers to the stored event by its global position; the event
 * itself stays in the log as it is.
 *
 * @param position      the event's global position
 * @param streamId      its stream, {@code null} when the event could not be read
 * @param streamVersion its version in the stream, 0 when it could not be read
 * @param typeName      its stored type name, {@code null} when it could not be read
 * @param failure       the last failure's message, with its id
 * @param attempts      how often it was tried in all, retries of the parked event included
 * @param parkedAt      when it was parked
 * @param parkedBy      the operator who skipped it, or {@link #BY_POLICY}
 * @param reason        why: the operator's reason, or {@link #RETRIES_USED_UP} for the policy
 * @param lastAttemptAt when it was last tried
 */
public record ParkedEvent(String projection, long position, String streamId, long streamVersion, String typeName,
                          String failure, int attempts, Instant parkedAt, String parkedBy, String reason,
                          Instant lastAttemptAt) {

    /** {@link #parkedBy()} of an event the projection's policy parked. */
    public static final String BY_POLICY = "@Projection(onFailure = PARK)";

    /** The longest operator's name a store keeps. */
    public static final int MAX_OPERATOR_LENGTH = 200;

    /** {@link #reason()} of an event the projection's policy parked. */
    public static final String RETRIES_USED_UP = "its retries were used up";

    /** This parked event after one more failed attempt at {@code at}. */
    public ParkedEvent retriedAndFailed(String newFailure, Instant at) {
        return new ParkedEvent(projection, position, streamId, streamVersion, typeName, newFailure, attempts + 1,
                parkedAt, parkedBy, reason, at);
    }
}
