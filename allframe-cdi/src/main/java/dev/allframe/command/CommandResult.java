package dev.allframe.command;

import dev.allframe.EventEnvelope;
import java.util.List;
import java.util.UUID;

/**
 * What a dispatch did.
 *
 * @param commandId     the id given to this dispatch
 * @param streamId      the command's stream, or {@code null} for a command without a stream id
 * @param streamVersion the stream's version after the dispatch (0 for a stream with no events yet), whether this
 *                      dispatch appended or not; 0 for a command without a stream id
 * @param events        the appended events, in order
 * @param duplicate     {@code true} when the idempotency key had been used before: {@code events} are
 *                      those of the first dispatch and nothing was appended now
 */
public record CommandResult(UUID commandId, String streamId, long streamVersion, List<EventEnvelope> events,
                            boolean duplicate) {

    public CommandResult {
        events = List.copyOf(events);
    }

    /**
     * The global position of the last appended event, or 0 when there is none. Pass it to a
     * projection's {@code awaitPosition} to read your own writes.
     */
    public long lastPosition() {
        return events.isEmpty() ? 0 : events.get(events.size() - 1).globalPosition();
    }
}
