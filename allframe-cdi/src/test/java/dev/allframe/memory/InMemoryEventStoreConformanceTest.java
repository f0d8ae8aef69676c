package dev.allframe.memory;

import dev.allframe.spi.event.EventStore;
import dev.allframe.spi.conformance.EventStoreConformanceTest;

class InMemoryEventStoreConformanceTest extends EventStoreConformanceTest {

    @Override
    protected EventStore createStore() {
        return new InMemoryEventStore();
    }
}
