package dev.allframe.jpa;

import dev.allframe.core.EventTypeRegistry;
import dev.allframe.spi.checkpoint.CheckpointStore;
import dev.allframe.spi.checkpoint.ProjectionLeases;
import dev.allframe.spi.conformance.CheckpointStoreConformanceTest;
import dev.allframe.spi.conformance.EventStoreConcurrencyConformanceTest;
import dev.allframe.spi.conformance.EventStoreConformanceTest;
import dev.allframe.spi.conformance.EventStoreIdempotencyConformanceTest;
import dev.allframe.spi.conformance.EventStoreQueryConformanceTest;
import dev.allframe.spi.conformance.ConformanceEvent;
import dev.allframe.spi.conformance.ConformanceSeat;
import dev.allframe.spi.conformance.EventStoreRefusalsConformanceTest;
import dev.allframe.spi.conformance.EventStoreSubscriptionConformanceTest;
import dev.allframe.spi.conformance.IdempotencyRetentionConformanceTest;
import dev.allframe.spi.conformance.IdempotencyScopeConformanceTest;
import dev.allframe.spi.conformance.ProjectionLeasesConformanceTest;
import dev.allframe.spi.conformance.SagaRetentionConformanceTest;
import dev.allframe.spi.conformance.SagaStoreConformanceTest;
import dev.allframe.spi.conformance.SnapshotInvalidationConformanceTest;
import dev.allframe.spi.conformance.SnapshotStoreConformanceTest;
import dev.allframe.spi.StoreCapabilities;
import dev.allframe.spi.event.EventDecoder;
import dev.allframe.spi.event.EventStore;
import dev.allframe.spi.saga.SagaStore;
import dev.allframe.spi.snapshot.SnapshotStore;
import dev.allframe.testing.MutableClock;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Nested;

/**
 * The whole store conformance suite (events, checkpoints, snapshots, sagas, and their retention), run on each
 * database by a subclass that names it.
 */
abstract class JpaConformanceSuite {

    /** The database every suite runs on. */
    abstract TestDatabase database();

    @Nested
    class AppendAndRead extends EventStoreConformanceTest {
        @Override
        protected EventStore createStore() {
            return database().freshStore();
        }
    }

    @Nested
    class Queries extends EventStoreQueryConformanceTest {
        @Override
        protected EventStore createStore() {
            return database().freshStore(EventTypeRegistry.of(List.of(ConformanceEvent.class, ConformanceSeat.class)));
        }
    }

    @Nested
    class Idempotency extends EventStoreIdempotencyConformanceTest {
        @Override
        protected EventStore createStore() {
            return database().freshStore();
        }

        @Override
        protected boolean racingAppendsLeaveNoHole() {
            return database() != TestDatabase.POSTGRESQL;
        }
    }

    @Nested
    class Refusals extends EventStoreRefusalsConformanceTest {
        @Override
        protected EventStore createStore() {
            return database().freshStore();
        }
    }

    @Nested
    class Scopes extends IdempotencyScopeConformanceTest {
        @Override
        protected EventStore createStore() {
            return database().freshStore();
        }
    }

    @Nested
    class IdempotencyRetention extends IdempotencyRetentionConformanceTest {
        @Override
        protected EventStore createStore(Clock clock) {
            return database().freshStore(clock);
        }
    }

    @Nested
    class Subscriptions extends EventStoreSubscriptionConformanceTest {
        @Override
        protected EventStore createStore() {
            return database().freshStore();
        }
    }

    @Nested
    class Concurrency extends EventStoreConcurrencyConformanceTest {
        @Override
        protected EventStore createStore() {
            return database().freshStore();
        }

        @Override
        protected boolean racingAppendsLeaveNoHole() {
            return database() != TestDatabase.POSTGRESQL;
        }
    }

    @Nested
    class Checkpoints extends CheckpointStoreConformanceTest {
        @Override
        protected CheckpointStore createCheckpointStore() {
            return database().freshStore();
        }

        /** A batch and its checkpoint commit together. */
        @Override
        protected boolean rollsBackFailedBatches() {
            return true;
        }
    }

    @Nested
    class Leases extends ProjectionLeasesConformanceTest {
        @Override
        protected ProjectionLeases createLeases(MutableClock clock) {
            JpaEventStore store = database().freshStore();
            store.compareLeasesOn(clock);
            return store;
        }
    }

    @Nested
    class Snapshots extends SnapshotStoreConformanceTest {
        @Override
        protected SnapshotStore createSnapshotStore() {
            return database().freshStore();
        }
    }

    @Nested
    class EventsThatDoNotReadBack extends EventsThatDoNotReadBackContract {
        @Override
        TestDatabase database() {
            return JpaConformanceSuite.this.database();
        }
    }

    @Nested
    class SnapshotInvalidation extends SnapshotInvalidationConformanceTest {
        @Override
        protected StoreCapabilities createStore(EventDecoder events) {
            return StoreCapabilities.of(database().freshStore(events));
        }
    }

    @Nested
    class Sagas extends SagaStoreConformanceTest {
        @Override
        protected SagaStore createSagaStore() {
            JpaEventStore store = database().freshStore(new EventTypeRegistry());
            store.compareLeasesOn(clock);
            return store;
        }

        @Override
        protected SagaStore sameSagas(SagaStore store) {
            JpaEventStore same = database().freshStoreKeepingData(new EventTypeRegistry());
            same.compareLeasesOn(clock);
            return same;
        }
    }

    @Nested
    class SagaRetention extends SagaRetentionConformanceTest {
        @Override
        protected SagaStore createSagaStore() {
            JpaEventStore store = database().freshStore(new EventTypeRegistry());
            store.compareLeasesOn(clock);
            return store;
        }

        @Override
        protected SagaStore sameSagas(SagaStore store) {
            JpaEventStore same = database().freshStoreKeepingData(new EventTypeRegistry());
            same.compareLeasesOn(clock);
            return same;
        }
    }
}
