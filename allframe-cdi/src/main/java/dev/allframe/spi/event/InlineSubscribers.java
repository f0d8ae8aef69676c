package dev.allframe.spi.event;

import dev.allframe.EventEnvelope;
import java.util.function.BooleanSupplier;
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
     * Rebuilds an inline listener's read model so that the listener goes on with the next append without missing
     * or repeating an event, holding appends back only for the last stretch. First runs {@code reset} and hands
     * the stored events to {@code apply} in order, {@code batchSize} at a time, each batch in a transaction of
     * its own (in memory: without the append lock), while appends go on; once a batch comes back short of
     * {@code batchSize}, it hands over the events appended meanwhile and runs {@code done} in one transaction that
     * no append can start or commit beside (in memory: under the append lock). It reports the last position of
     * each batch to {@code progress}. Before each batch it asks {@code stopped}: once that answers {@code true},
     * it returns {@code false} without going on (the batches done are kept). Whatever {@code reset},
     * {@code apply} or {@code done} throws ends the rebuild, rolls its current transaction back and reaches the
     * caller.
     *
     * @return {@code true} once {@code done} ran, {@code false} when it stopped before
     */
    boolean rebuildInline(Runnable reset, int batchSize, Consumer<EventEnvelope> apply, LongConsumer progress,
                          Runnable done, BooleanSupplier stopped);
}
