package dev.allframe.jpa.internal;

import dev.allframe.spi.event.AppendRequest;
import java.time.Instant;
import java.util.List;

/**
 * An append made ready for PostgreSQL's statements before any of them is sent: its events as rows (JSON written,
 * positions and versions not yet known) and as reads will give them, in their newest version. Whatever can fail
 * in the application's code (writing JSON, an upcaster) has failed by then, outside any transaction and before the
 * append waits to share a commit with others.
 *
 * @param rows   one per event, in order
 * @param newest one per event, in order: the event as the store's reads give it
 */
record PreparedAppend(AppendRequest request, Instant now, List<EventRow> rows, List<Object> newest) {

    PreparedAppend {
        rows = List.copyOf(rows);
        newest = List.copyOf(newest);
    }

    int size() {
        return rows.size();
    }
}
