package dev.allframe.memory;

import dev.allframe.spi.event.EventStore;
import dev.allframe.spi.conformance.EventStoreConcurrencyConformanceTest;

class InMemoryEventStoreConcurrencyConformanceTest extends EventStoreConcurrencyConformanceTest {

    @Override
    protected EventStore createStore() {
        return new InMemoryEventStore();
    }
}
