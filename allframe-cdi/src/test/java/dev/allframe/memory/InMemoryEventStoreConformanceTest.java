package dev.allframe.memory;

import dev.allframe.eventstore.EventStore;
import dev.allframe.eventstore.conformance.EventStoreConformanceTest;

class InMemoryEventStoreConformanceTest extends EventStoreConformanceTest {

    @Override
    protected EventStore createStore() {
        return new InMemoryEventStore();
    }
}
