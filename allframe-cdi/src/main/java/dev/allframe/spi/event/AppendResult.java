package dev.allframe.spi.event;

import dev.allframe.EventEnvelope;
import java.util.List;

/**
 * What an append stored.
 *
 * @param streamVersion the stream's version after the append
 * @param events        the stored events (for a duplicate: those of the first append)
 * @param duplicate     the idempotency key was known; nothing was stored now
 * @param committed     the append's transaction committed before the store returned it: no later rollback can
 *                      remove its events. {@code false} when the append joined a transaction that is still open
 *                      (a caller's JTA transaction), or when the store cannot tell; a command bus then trusts
 *                      nothing it folded from these events without reading the stream again
 */
public record AppendResult(String streamId, long streamVersion, List<EventEnvelope> events, boolean duplicate,
                           boolean committed) {

    public AppendResult {
        events = List.copyOf(events);
    }

    /** What an append stored, not known to be committed. */
    public AppendResult(String streamId, long streamVersion, List<EventEnvelope> events, boolean duplicate) {
        this(streamId, streamVersion, events, duplicate, false);
    }

    /** This result as a later append with the same idempotency key sees it. */
    public AppendResult asDuplicate() {
        return new AppendResult(streamId, streamVersion, events, true, false);
    }

    /** This result, its transaction known to have committed. */
    public AppendResult asCommitted() {
        return committed ? this : new AppendResult(streamId, streamVersion, events, duplicate, true);
    }
}
