package dev.allframe.memory;

import dev.allframe.spi.conformance.EventStoreConformanceTest;
import dev.allframe.spi.event.EventStore;

class InMemoryEventStoreConformanceTest extends EventStoreConformanceTest {

    @Override
    protected EventStore createStore() {
        return new InMemoryEventStore();
    }
}
