package dev.allframe.memory;

import dev.allframe.eventstore.EventStore;
import dev.allframe.eventstore.conformance.EventStoreSubscriptionConformanceTest;

class InMemoryEventStoreSubscriptionConformanceTest extends EventStoreSubscriptionConformanceTest {

    @Override
    protected EventStore createStore() {
        return new InMemoryEventStore();
    }
}
