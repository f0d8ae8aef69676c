package dev.allframe.jpa.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.EventStoreException;
import dev.allframe.core.EventIds;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.core.saga.SagaEngine;
import dev.allframe.jpa.JpaEventStore;
import dev.allframe.jpa.TestDatabase;
import dev.allframe.saga.SagaExecution;
import dev.allframe.saga.SagaOutcome;
import dev.allframe.saga.SagaState;
import dev.allframe.saga.SagaTakenOverException;
import dev.allframe.spi.conformance.ConformanceTransfer;
import dev.allframe.spi.conformance.SagaRecoveryConformanceTest;
import dev.allframe.spi.saga.SagaRecord;
import dev.allframe.spi.saga.SagaStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Sagas kept by the JPA store: the saga recovery conformance suite, with state, history and JSON values read by
 * a new store over the same database, and stored values that no longer read reported and left as they are.
 */
abstract class JpaSagaStoreContract extends SagaRecoveryConformanceTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    abstract TestDatabase database();

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

    @Test
    void aStoredInputWhoseClassIsGoneIsReportedAndLeftAsItIs() {
        SagaOutcome outcome = engine(sagas, clock, false).start("transfer", new ConformanceTransfer("A", "B", 1));
        database().execute("UPDATE allframe_sagas SET input_type = 'com.example.Gone' WHERE saga_id = '"
                + outcome.sagaId() + "'");

        assertThatThrownBy(() -> sagas.find(outcome.sagaId())).isInstanceOf(EventStoreException.class)
                .hasMessage("AF2020: Saga " + outcome.sagaId() + " stores its input as com.example.Gone, which cannot"
                        + " be read: java.lang.ClassNotFoundException: com.example.Gone; the stored row is unchanged");
        assertThat(sagas.history(outcome.sagaId())).hasSize(4);
    }

    @Test
    void anUnfinishedSagaWhoseInputNoLongerReadsIsReportedOnceAndTheOthersAreStillRecovered() throws Exception {
        SagaEngine first = engine(sagas, clock, true);
        SagaExecution unreadable = first.startAsync("transfer", new ConformanceTransfer("A", "B", 5));
        SagaExecution readable = first.startAsync("transfer", new ConformanceTransfer("C", "D", 7));
        awaitDelivering(2);
        database().execute("UPDATE allframe_sagas SET input_type = 'com.example.Gone' WHERE saga_id = '"
                + unreadable.sagaId() + "'");
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(record.getLevel() + " " + record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger("dev.allframe.jpa.internal.SagaRows");
        log.addHandler(capture);
        try {
            clock.advance(LEASE.plusSeconds(1));
            SagaStore other = sameSagas(sagas);
            SagaEngine second = engine(other, clock, true);

            List<SagaExecution> recovered = second.recoverNow();
            assertThat(second.recoverNow()).isEmpty();

            assertThat(recovered).extracting(SagaExecution::sagaId).containsExactly(readable.sagaId());
            assertThat(recovered.get(0).outcome().toCompletableFuture().get(20, TimeUnit.SECONDS).state())
                    .isEqualTo(SagaState.COMPENSATED);
            assertThat(warnings).containsExactly("WARNING AF2022: Saga 'transfer' (" + unreadable.sagaId()
                    + ") is left RUNNING and not recovered until its stored values read again; the other unfinished"
                    + " sagas are recovered. AF2020: Saga " + unreadable.sagaId() + " stores its input as"
                    + " com.example.Gone, which cannot be read: java.lang.ClassNotFoundException: com.example.Gone;"
                    + " the stored row is unchanged");
            database().execute("UPDATE allframe_sagas SET input_type = '" + ConformanceTransfer.class.getName()
                    + "' WHERE saga_id = '" + unreadable.sagaId() + "'");
            assertThat(other.find(unreadable.sagaId()).orElseThrow()).satisfies(saga -> {
                assertThat(saga.state()).isEqualTo(SagaState.RUNNING);
                assertThat(saga.input()).isEqualTo(new ConformanceTransfer("A", "B", 5));
                assertThat(saga.owner()).isEqualTo(first.owner());
            });
        } finally {
            log.removeHandler(capture);
        }
        release();
        assertThat(unreadable.outcome().toCompletableFuture().get(20, TimeUnit.SECONDS).state())
                .as("the first process still owns the saga it could not hand over").isEqualTo(SagaState.COMPLETED);
        assertThatThrownBy(() -> readable.outcome().toCompletableFuture().get(20, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(SagaTakenOverException.class);
    }

    /**
     * Leases run out on the database's clock: a process whose clock is an hour ahead neither finds the saga of a live
     * process expired nor takes it over, and the saga completes where it started.
     */
    @Test
    void aProcessWhoseClockIsAheadDoesNotTakeOverTheSagaOfALiveProcess() throws Exception {
        SagaEngine first = engine(database().freshStoreKeepingData(new EventTypeRegistry()), Clock.systemUTC(), true);
        SagaExecution running = first.startAsync("transfer", new ConformanceTransfer("A", "B", 5));
        awaitDelivering(1);
        Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofHours(1));
        JpaEventStore other = database().freshStoreKeepingData(new EventTypeRegistry());
        SagaEngine second = engine(other, ahead, true);

        assertThat(second.recoverNow()).as("the lease runs on the database's clock").isEmpty();

        release();
        assertThat(running.outcome().toCompletableFuture().get(20, TimeUnit.SECONDS).state())
                .isEqualTo(SagaState.COMPLETED);
        assertThat(other.find(running.sagaId()).orElseThrow().owner()).isEqualTo(first.owner());
    }

    /** Recovery reads only the sagas whose lease ran out: one that no longer reads is left alone while it runs. */
    @Test
    void onlyTheSagasWhoseLeaseRanOutAreRead() {
        SagaStore store = sagas;
        Instant started = clock.instant();
        SagaRecord saga = new SagaRecord(EventIds.next(), "transfer", SagaState.RUNNING, 1, 2,
                new ConformanceTransfer("A", "B", 5), Map.of(), 0, null, "process-1", started.plusSeconds(30), started,
                started);
        store.save(saga, null);
        database().execute("UPDATE allframe_sagas SET input_type = 'com.example.Gone' WHERE saga_id = '"
                + saga.id() + "'");
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(record.getLevel() + " " + record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger("dev.allframe.jpa.internal.SagaRows");
        log.addHandler(capture);
        try {
            clock.advance(Duration.ofSeconds(29));
            assertThat(store.expired(10)).isEmpty();
            assertThat(warnings).as("a saga whose lease runs is not read").isEmpty();

            clock.advance(Duration.ofSeconds(1));
            assertThat(store.expired(10)).isEmpty();
            assertThat(warnings).hasSize(1).allSatisfy(warning -> assertThat(warning)
                    .startsWith("WARNING AF2022: Saga 'transfer' (" + saga.id() + ") is left RUNNING"));
        } finally {
            log.removeHandler(capture);
        }
    }

    /** Retention keeps what an unfinished saga may use, also when the saga's stored values no longer read. */
    @Test
    void anUnfinishedSagaWhoseInputNoLongerReadsStillCountsAsTheOldestUnfinished() {
        SagaRecord saga = new SagaRecord(EventIds.next(), "transfer", SagaState.RUNNING, 1, 2,
                new ConformanceTransfer("A", "B", 5), Map.of(), 0, null, "process-1", T0.plusSeconds(30), T0, T0);
        sagas.save(saga, null);
        database().execute("UPDATE allframe_sagas SET input_type = 'com.example.Gone' WHERE saga_id = '"
                + saga.id() + "'");

        assertThat(sagas.unfinished()).isEmpty();
        assertThat(sagas.oldestUnfinishedStart()).contains(T0);
        assertThat(sagas.pruneFinished(T0.plusSeconds(3600), 100)).isZero();
    }
}
