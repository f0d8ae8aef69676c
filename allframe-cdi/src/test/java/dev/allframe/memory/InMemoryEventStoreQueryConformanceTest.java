package dev.allframe.memory;

import dev.allframe.spi.conformance.EventStoreQueryConformanceTest;
import dev.allframe.spi.event.EventStore;

class InMemoryEventStoreQueryConformanceTest extends EventStoreQueryConformanceTest {

    @Override
    protected EventStore createStore() {
        return new InMemoryEventStore();
    }
}
