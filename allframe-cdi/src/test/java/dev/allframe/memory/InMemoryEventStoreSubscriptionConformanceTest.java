package dev.allframe.memory;

import dev.allframe.spi.conformance.EventStoreSubscriptionConformanceTest;
import dev.allframe.spi.event.EventStore;

class InMemoryEventStoreSubscriptionConformanceTest extends EventStoreSubscriptionConformanceTest {

    @Override
    protected EventStore createStore() {
        return new InMemoryEventStore();
    }
}
