package dev.allframe.memory;

import dev.allframe.spi.event.EventStore;
import dev.allframe.spi.conformance.EventStoreIdempotencyConformanceTest;

class InMemoryEventStoreIdempotencyConformanceTest extends EventStoreIdempotencyConformanceTest {

    @Override
    protected EventStore createStore() {
        return new InMemoryEventStore();
    }
}
