package dev.allframe.memory;

import dev.allframe.spi.conformance.EventStoreIdempotencyConformanceTest;
import dev.allframe.spi.event.EventStore;

class InMemoryEventStoreIdempotencyConformanceTest extends EventStoreIdempotencyConformanceTest {

    @Override
    protected EventStore createStore() {
        return new InMemoryEventStore();
    }
}
