package dev.allframe.memory;

import dev.allframe.eventstore.EventStore;
import dev.allframe.eventstore.conformance.EventStoreIdempotencyConformanceTest;

class InMemoryEventStoreIdempotencyConformanceTest extends EventStoreIdempotencyConformanceTest {

    @Override
    protected EventStore createStore() {
        return new InMemoryEventStore();
    }
}
