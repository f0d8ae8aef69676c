package dev.allframe.memory;

import dev.allframe.spi.conformance.IdempotencyScopeConformanceTest;
import dev.allframe.spi.event.EventStore;

class InMemoryIdempotencyScopeConformanceTest extends IdempotencyScopeConformanceTest {

    @Override
    protected EventStore createStore() {
        return new InMemoryEventStore();
    }
}
