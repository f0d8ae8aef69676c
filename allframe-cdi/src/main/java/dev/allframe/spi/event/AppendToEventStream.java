package dev.allframe.spi.event;

import dev.allframe.command.ConcurrencyConflictException;
import java.util.List;

/** Appends to a stream, atomically and under a condition. */
public interface AppendToEventStream {

    /**
     * Stores the request's events at the end of its stream, or nothing.
     *
     * @throws ConcurrencyConflictException the condition does not hold (and the key is new)
     */
    AppendResult append(AppendRequest request);

    /** Appends without an idempotency key. */
    default AppendResult append(String streamId, AppendCondition condition, List<NewEvent> events) {
        return append(new AppendRequest(streamId, condition, events, null));
    }
}
