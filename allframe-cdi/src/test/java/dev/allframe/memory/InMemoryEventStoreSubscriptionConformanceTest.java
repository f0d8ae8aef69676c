package dev.allframe.memory;

import dev.allframe.spi.event.EventStore;
import dev.allframe.spi.conformance.EventStoreSubscriptionConformanceTest;

class InMemoryEventStoreSubscriptionConformanceTest extends EventStoreSubscriptionConformanceTest {

    @Override
    protected EventStore createStore() {
        return new InMemoryEventStore();
    }
}
