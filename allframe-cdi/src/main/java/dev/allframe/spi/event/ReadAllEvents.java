package dev.allframe.spi.event;

import dev.allframe.EventEnvelope;
import java.util.List;

/**
 * Reads the global log. A reader that has seen position p never later finds a committed event below p.
 */
public interface ReadAllEvents {

    /** Up to {@code maxCount} events with a global position above {@code afterPosition}, in order. */
    List<EventEnvelope> readAll(long afterPosition, int maxCount);

    /** The position of the newest committed event, or 0 for an empty store. */
    long headPosition();
}
