package dev.allframe.testing;

import dev.allframe.EventEnvelope;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory store recording the largest page of the global log anyone read, and the largest asked for. */
public class BatchWatchingEventStore extends ForwardingEventStore {

    private final AtomicInteger largestRead = new AtomicInteger();
    private final AtomicInteger largestAsked = new AtomicInteger();

    @Override
    public List<EventEnvelope> readAll(long afterPosition, int maxCount) {
        largestAsked.accumulateAndGet(maxCount, Math::max);
        List<EventEnvelope> page = super.readAll(afterPosition, maxCount);
        largestRead.accumulateAndGet(page.size(), Math::max);
        return page;
    }

    public int largestRead() {
        return largestRead.get();
    }

    public int largestAsked() {
        return largestAsked.get();
    }
}
