package dev.allframe.memory;

import dev.allframe.spi.conformance.EventStoreRefusalsConformanceTest;
import dev.allframe.spi.event.EventStore;

class InMemoryEventStoreRefusalsConformanceTest extends EventStoreRefusalsConformanceTest {

    @Override
    protected EventStore createStore() {
        return new InMemoryEventStore();
    }
}
