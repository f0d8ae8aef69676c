package dev.allframe.testing;

import dev.allframe.core.EventIds;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.AppendRequest;
import dev.allframe.spi.event.AppendResult;
import dev.allframe.spi.event.NewEvent;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An in-memory store where another writer appends to the same stream just before each of the next
 * {@code n} appends, as a concurrent process would.
 */
public class InterferingEventStore extends ForwardingEventStore {

    private final AtomicInteger interferences = new AtomicInteger();
    private final AtomicInteger appends = new AtomicInteger();
    private final Function<String, Object> foreignEvent;

    public InterferingEventStore(Function<String, Object> foreignEvent) {
        this.foreignEvent = foreignEvent;
    }

    public void interfere(int times) {
        interferences.set(times);
    }

    /** Appends attempted through this store (the interfering ones not counted). */
    public int appendAttempts() {
        return appends.get();
    }

    @Override
    public AppendResult append(AppendRequest request) {
        appends.incrementAndGet();
        if (interferences.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            Object event = foreignEvent.apply(request.streamId());
            delegate.append(request.streamId(), AppendCondition.any(), List.of(new NewEvent(EventIds.next(),
                    event.getClass().getSimpleName(), 1, event, "foreign", "foreign", null)));
        }
        return delegate.append(request);
    }
}
