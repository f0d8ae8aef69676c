package dev.allframe.memory;

import dev.allframe.eventstore.EventStore;
import dev.allframe.eventstore.conformance.EventStoreConcurrencyConformanceTest;

class InMemoryEventStoreConcurrencyConformanceTest extends EventStoreConcurrencyConformanceTest {

    @Override
    protected EventStore createStore() {
        return new InMemoryEventStore();
    }
}
