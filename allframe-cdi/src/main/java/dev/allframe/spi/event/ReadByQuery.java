package dev.allframe.spi.event;

import dev.allframe.EventEnvelope;
import dev.allframe.event.EventQuery;
import java.util.ArrayList;
import java.util.List;

/** Reads the events a query matches, in the global order. */
public interface ReadByQuery extends ReadAllEvents {

    /** How many events of the log the default read takes at a time. */
    int SCAN_PAGE = 500;

    /**
     * Up to {@code maxCount} events matching {@code query} with a global position above {@code afterPosition}, in
     * order. By default the log is read page by page and filtered; a store with an index of tags answers from it.
     */
    default List<EventEnvelope> read(EventQuery query, long afterPosition, int maxCount) {
        List<EventEnvelope> found = new ArrayList<>();
        long after = afterPosition;
        while (found.size() < maxCount) {
            List<EventEnvelope> page = readAll(after, SCAN_PAGE);
            for (EventEnvelope event : page) {
                if (found.size() < maxCount && query.matches(event.typeName(), event.tags())) {
                    found.add(event);
                }
            }
            if (page.size() < SCAN_PAGE) {
                break;
            }
            after = page.get(page.size() - 1).globalPosition();
        }
        return found;
    }
}
