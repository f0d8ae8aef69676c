package dev.allframe.eventstore;

/**
 * Registers listeners that run inside each append, before it is committed (in the append's transaction,
 * or under the in-memory store's lock). A listener that throws aborts the append: nothing is stored and
 * the exception reaches the appender. Inline projections are fed this way.
 */
public interface InlineSubscribers {

    Subscription subscribeInline(AppendListener listener);
}
