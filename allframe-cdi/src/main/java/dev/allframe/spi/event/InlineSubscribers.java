package dev.allframe.spi.event;

import dev.allframe.EventEnvelope;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Registers listeners that run inside each append, before it is committed (in the append's transaction,
 * or under the in-memory store's lock). A listener that throws aborts the append: nothing is stored and
 * the exception reaches the appender. Inline projections are fed this way.
 */
public interface InlineSubscribers {

    Subscription subscribeInline(AppendListener listener);

    /**
     * Rebuilds an inline listener's read model while no append can start or commit: runs {@code reset},
     * hands every stored event to {@code apply} in order, {@code batchSize} at a time, reporting the last
     * position of each batch to {@code progress}, then runs {@code done}, all in one transaction of the store
     * (in memory: under its append lock). The listener thus goes on with the next append without missing or
     * repeating an event. Whatever one of them throws ends the rebuild, rolls the transaction back and
     * reaches the caller.
     */
    void rebuildInline(Runnable reset, int batchSize, Consumer<EventEnvelope> apply, LongConsumer progress,
                       Runnable done);
}
