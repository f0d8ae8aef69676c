package dev.allframe.spi.event;

import dev.allframe.EventEnvelope;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads the global log. A reader that has seen position p never later finds a committed event below p.
 */
public interface ReadAllEvents {

    /** Up to {@code maxCount} events with a global position above {@code afterPosition}, in order. */
    List<EventEnvelope> readAll(long afterPosition, int maxCount);

    /**
     * Like {@link #readAll(long, int)}, keeping only the events of the streams {@code streams} accepts: a store may
     * then leave the others undecoded, so that a reader of some streams (a projection's segment) does not pay for the
     * rest. The page says how far the read went over all of them.
     */
    default LogPage readAll(long afterPosition, int maxCount, Predicate<String> streams) {
        List<EventEnvelope> all = readAll(afterPosition, maxCount);
        if (all.isEmpty()) {
            return new LogPage(List.of(), afterPosition, null);
        }
        EventEnvelope last = all.get(all.size() - 1);
        return new LogPage(all.stream().filter(event -> streams.test(event.streamId())).toList(),
                last.globalPosition(), last.timestamp());
    }

    /** The position of the newest committed event, or 0 for an empty store. */
    long headPosition();
}
