package dev.allframe.jpa;

import dev.allframe.jpa.PostgresCondition.RequiresPostgres;
import dev.allframe.eventstore.EventStore;
import dev.allframe.eventstore.conformance.EventStoreConcurrencyConformanceTest;
import dev.allframe.eventstore.conformance.EventStoreConformanceTest;
import dev.allframe.eventstore.conformance.EventStoreIdempotencyConformanceTest;
import dev.allframe.eventstore.conformance.EventStoreSubscriptionConformanceTest;
import org.junit.jupiter.api.Nested;

/** The whole event-store conformance suite on Postgres. */
@RequiresPostgres
class PostgresConformanceTest {

    private static final TestDatabase DATABASE = TestDatabase.POSTGRESQL;

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
