package dev.allframe.spi.event;

import dev.allframe.EventEnvelope;
import java.util.List;

/**
 * What an append stored.
 *
 * @param streamVersion the stream's version after the append
 * @param events        the stored events (for a duplicate: those of the first append)
 * @param duplicate     the idempotency key was known; nothing was stored now
 */
public record AppendResult(String streamId, long streamVersion, List<EventEnvelope> events, boolean duplicate) {

    public AppendResult {
        events = List.copyOf(events);
    }

    /** This result as a later append with the same idempotency key sees it. */
    public AppendResult asDuplicate() {
        return new AppendResult(streamId, streamVersion, events, true);
    }
}
