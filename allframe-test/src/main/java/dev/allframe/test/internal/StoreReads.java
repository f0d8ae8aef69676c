package dev.allframe.test.internal;

import dev.allframe.EventEnvelope;
import dev.allframe.spi.event.EventStore;
import java.util.ArrayList;
import java.util.List;

/** Whole reads of a store for a test's expectations: a stream from its first event, the log after a position. */
public final class StoreReads {

    private static final int PAGE = 1_000;

    private StoreReads() {
    }

    /** Every event of {@code streamId}, in order. */
    public static List<EventEnvelope> stream(EventStore store, String streamId) {
        List<EventEnvelope> all = new ArrayList<>();
        List<EventEnvelope> page;
        do {
            page = store.readStream(streamId, all.size() + 1L, PAGE);
            all.addAll(page);
        } while (page.size() == PAGE);
        return all;
    }

    /** The events stored after {@code position}, on any stream, in the log's order. */
    public static List<Object> after(EventStore store, long position) {
        List<Object> events = new ArrayList<>();
        long after = position;
        List<EventEnvelope> page;
        do {
            page = store.readAll(after, PAGE);
            for (EventEnvelope envelope : page) {
                events.add(envelope.event());
                after = envelope.globalPosition();
            }
        } while (page.size() == PAGE);
        return events;
    }
}
