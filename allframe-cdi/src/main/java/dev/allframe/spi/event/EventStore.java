package dev.allframe.spi.event;

/**
 * An event store: streams with optimistic concurrency, a gap-safe global order, idempotency keys and
 * notification of committed appends. The in-memory store and the JPA store implement it; the
 * conformance suite in AllFrame's test-jar checks an implementation.
 */
public interface EventStore
        extends ReadEventStream, ReadByQuery, AppendToEventStream, IdempotencyKeys, SubscribeToEvents {
}
