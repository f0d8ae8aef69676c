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

    /**
     * Whether this store checks an append's {@link AppendRequest#queryCondition() query condition} and refuses the
     * append when it does not hold: a store that does not answers {@code false}, and AllFrame does not give it
     * appends decided over a query.
     */
    default boolean checksQueryConditions() {
        return false;
    }

    /** Appends without an idempotency key. */
    default AppendResult append(String streamId, AppendCondition condition, List<NewEvent> events) {
        return append(new AppendRequest(streamId, condition, events, null));
    }
}
