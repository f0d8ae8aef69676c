package dev.allframe.jpa;

import dev.allframe.spi.conformance.EventStoreConcurrencyConformanceTest;
import dev.allframe.spi.conformance.EventStoreConformanceTest;
import dev.allframe.spi.conformance.EventStoreIdempotencyConformanceTest;
import dev.allframe.spi.conformance.EventStoreSubscriptionConformanceTest;
import dev.allframe.spi.event.EventStore;
import org.junit.jupiter.api.Nested;

/** The whole event-store conformance suite on Derby. */
class DerbyConformanceTest {

    private static final TestDatabase DATABASE = TestDatabase.DERBY;

    @Nested
    class AppendAndRead extends EventStoreConformanceTest {
        @Override
        protected EventStore createStore() {
            return DATABASE.freshStore();
        }
    }

    @Nested
    class Idempotency extends EventStoreIdempotencyConformanceTest {
        @Override
        protected EventStore createStore() {
            return DATABASE.freshStore();
        }
    }

    @Nested
    class Subscriptions extends EventStoreSubscriptionConformanceTest {
        @Override
        protected EventStore createStore() {
            return DATABASE.freshStore();
        }
    }

    @Nested
    class Concurrency extends EventStoreConcurrencyConformanceTest {
        @Override
        protected EventStore createStore() {
            return DATABASE.freshStore();
        }
    }
}
