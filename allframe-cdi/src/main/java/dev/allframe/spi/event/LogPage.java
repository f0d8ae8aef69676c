package dev.allframe.spi.event;

import dev.allframe.EventEnvelope;
import java.time.Instant;
import java.util.List;

/**
 * A page of the global log read for some streams only ({@link ReadAllEvents#readAll(long, int,
 * java.util.function.Predicate)}): their events, and how far the read went over the others.
 *
 * @param events     the events of the streams asked for, in order
 * @param readTo     the position of the last event read, of any stream; the position read after when none was
 * @param readToTime when that last event was appended; {@code null} when none was read
 */
public record LogPage(List<EventEnvelope> events, long readTo, Instant readToTime) {

    public LogPage {
        events = List.copyOf(events);
    }

    /** Whether the read found no event at all, of any stream. */
    public boolean empty(long afterPosition) {
        return readTo <= afterPosition;
    }
}
