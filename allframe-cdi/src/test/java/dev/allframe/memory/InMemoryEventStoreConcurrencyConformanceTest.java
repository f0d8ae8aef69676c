package dev.allframe.memory;

import dev.allframe.spi.conformance.EventStoreConcurrencyConformanceTest;
import dev.allframe.spi.event.EventStore;

class InMemoryEventStoreConcurrencyConformanceTest extends EventStoreConcurrencyConformanceTest {

    @Override
    protected EventStore createStore() {
        return new InMemoryEventStore();
    }
}
