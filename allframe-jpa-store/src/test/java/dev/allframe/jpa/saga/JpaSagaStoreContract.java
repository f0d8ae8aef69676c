package dev.allframe.jpa.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.EventStoreException;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.core.Problems;
import dev.allframe.core.saga.SagaDefinitions;
import dev.allframe.core.saga.SagaEngine;
import dev.allframe.jpa.JpaEventStore;
import dev.allframe.jpa.TestDatabase;
import dev.allframe.saga.SagaContext;
import dev.allframe.saga.SagaDefinition;
import dev.allframe.saga.SagaExecution;
import dev.allframe.saga.SagaLogEntry.Action;
import dev.allframe.saga.SagaLogEntry.Result;
import dev.allframe.saga.SagaLogEntry;
import dev.allframe.saga.SagaOutcome;
import dev.allframe.saga.SagaState;
import dev.allframe.saga.SagaTakenOverException;
import dev.allframe.saga.Step;
import dev.allframe.saga.StepResult;
import dev.allframe.spi.saga.SagaRecord;
import dev.allframe.testing.ManualTimer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sagas kept by the JPA store: state, history and JSON values survive a new store, leases hold across processes. */
abstract class JpaSagaStoreContract {

    private static final Duration LEASE = Duration.ofSeconds(30);

    private final List<String> journal = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);
    private final Clock clock = new SettableClock();
    private JpaEventStore store;

    abstract TestDatabase database();

    @BeforeEach
    void emptyStore() {
        store = database().freshStore(new EventTypeRegistry());
    }

    @AfterEach
    void stop() {
        release.countDown();
        threads.shutdownNow();
    }

    @Test
    void aCompensatedSagaIsReadBackWithItsHistoryAndJsonValuesByAnotherStore() {
        SagaOutcome outcome = engine(store, clock, false).start("transfer", new Transfer("A", "B", 25));

        JpaEventStore other = database().freshStoreKeepingData(new EventTypeRegistry());
        SagaRecord saga = other.find(outcome.sagaId()).orElseThrow();
        assertThat(saga.state()).isEqualTo(SagaState.COMPENSATED);
        assertThat(saga.input()).isEqualTo(new Transfer("A", "B", 25));
        assertThat(saga.outputs()).containsEntry("hold", new Receipt("A", 25)).hasSize(1);
        assertThat(saga.failedStep()).isEqualTo(2);
        assertThat(saga.failure()).isEqualTo("AF1141: Step 2 'deliver' of saga 'transfer' (" + outcome.sagaId()
                + ") failed: java.lang.IllegalStateException: no courier");
        assertThat(other.history(outcome.sagaId())).extracting(SagaLogEntry::number, SagaLogEntry::step,
                SagaLogEntry::action, SagaLogEntry::result).containsExactly(
                Tuple.tuple(1, 1, Action.EXECUTE, Result.SUCCEEDED), Tuple.tuple(2, 2, Action.EXECUTE, Result.FAILED),
                Tuple.tuple(3, 2, Action.COMPENSATE, Result.SUCCEEDED),
                Tuple.tuple(4, 1, Action.COMPENSATE, Result.SUCCEEDED));
        assertThat(other.history(outcome.sagaId())).allSatisfy(entry -> assertThat(entry.finished())
                .isAfterOrEqualTo(entry.started()));
        assertThat(journal).containsExactly("hold A", "deliver B", "undo deliver", "release Receipt[account=A, amount=25]");
        assertThat(other.unfinished()).isEmpty();
    }

    @Test
    void aSagaWhoseLeaseRanOutIsTakenOverAndItsFirstOwnerCannotWriteAnyMore() throws Exception {
        SettableClock later = new SettableClock();
        SagaEngine first = engine(store, clock, true);
        SagaExecution running = first.startAsync("transfer", new Transfer("A", "B", 5));
        awaitStep(running, 2);
        assertThat(store.unfinished()).extracting(SagaRecord::id).containsExactly(running.sagaId());

        SagaEngine second = engine(database().freshStoreKeepingData(new EventTypeRegistry()), later, true);
        assertThat(second.recoverNow()).as("the lease still runs").isEmpty();
        later.advance(LEASE.plusSeconds(1));
        List<SagaExecution> recovered = second.recoverNow();

        assertThat(recovered).extracting(SagaExecution::sagaId).containsExactly(running.sagaId());
        assertThat(recovered.get(0).outcome().toCompletableFuture().get(20, TimeUnit.SECONDS).state())
                .isEqualTo(SagaState.COMPENSATED);
        release.countDown();
        assertThatThrownBy(() -> running.outcome().toCompletableFuture().get(20, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(SagaTakenOverException.class)
                .hasMessage("AF1144: Saga 'transfer' (" + running.sagaId() + ") was taken over by process "
                        + second.owner() + " after this process's lease ran out; this process stops working on it");
        assertThat(store.history(running.sagaId())).extracting(SagaLogEntry::step, SagaLogEntry::action,
                SagaLogEntry::result).containsExactly(Tuple.tuple(1, Action.EXECUTE, Result.SUCCEEDED),
                Tuple.tuple(2, Action.EXECUTE, Result.INTERRUPTED), Tuple.tuple(2, Action.COMPENSATE, Result.SUCCEEDED),
                Tuple.tuple(1, Action.COMPENSATE, Result.SUCCEEDED));
    }

    @Test
    void leasesAreRenewedOnlyForTheSagasTheOwnerRuns() throws Exception {
        SagaEngine first = engine(store, clock, true);
        SagaExecution running = first.startAsync("transfer", new Transfer("A", "B", 5));
        awaitStep(running, 2);
        Instant before = store.find(running.sagaId()).orElseThrow().leaseUntil();

        ((SettableClock) clock).advance(Duration.ofSeconds(10));
        first.renewLeases();

        assertThat(store.find(running.sagaId()).orElseThrow().leaseUntil()).isEqualTo(before.plusSeconds(10));
        release.countDown();
        assertThat(running.outcome().toCompletableFuture().get(20, TimeUnit.SECONDS).state())
                .isEqualTo(SagaState.COMPLETED);
    }

    @Test
    void aStoredInputWhoseClassIsGoneIsReportedAndLeftAsItIs() {
        SagaOutcome outcome = engine(store, clock, false).start("transfer", new Transfer("A", "B", 1));
        database().execute("UPDATE allframe_sagas SET input_type = 'com.example.Gone' WHERE saga_id = '"
                + outcome.sagaId() + "'");

        assertThatThrownBy(() -> store.find(outcome.sagaId())).isInstanceOf(EventStoreException.class)
                .hasMessage("AF2020: Saga " + outcome.sagaId() + " stores its input as com.example.Gone, which cannot"
                        + " be read: java.lang.ClassNotFoundException: com.example.Gone; the stored row is unchanged");
        assertThat(store.history(outcome.sagaId())).hasSize(4);
    }

    @Test
    void anUnfinishedSagaWhoseInputNoLongerReadsIsReportedOnceAndTheOthersAreStillRecovered() throws Exception {
        SagaEngine first = engine(store, clock, true);
        SagaExecution unreadable = first.startAsync("transfer", new Transfer("A", "B", 5));
        SagaExecution readable = first.startAsync("transfer", new Transfer("C", "D", 7));
        awaitStep(unreadable, 2);
        awaitStep(readable, 2);
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
            SettableClock later = new SettableClock();
            later.advance(LEASE.plusSeconds(1));
            JpaEventStore other = database().freshStoreKeepingData(new EventTypeRegistry());
            SagaEngine second = engine(other, later, true);

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
            database().execute("UPDATE allframe_sagas SET input_type = '" + Transfer.class.getName()
                    + "' WHERE saga_id = '" + unreadable.sagaId() + "'");
            assertThat(other.find(unreadable.sagaId()).orElseThrow()).satisfies(saga -> {
                assertThat(saga.state()).isEqualTo(SagaState.RUNNING);
                assertThat(saga.input()).isEqualTo(new Transfer("A", "B", 5));
                assertThat(saga.owner()).isEqualTo(first.owner());
            });
        } finally {
            log.removeHandler(capture);
        }
        release.countDown();
        assertThat(unreadable.outcome().toCompletableFuture().get(20, TimeUnit.SECONDS).state())
                .as("the first process still owns the saga it could not hand over").isEqualTo(SagaState.COMPLETED);
        assertThatThrownBy(() -> readable.outcome().toCompletableFuture().get(20, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(SagaTakenOverException.class);
    }

    private void awaitStep(SagaExecution execution, int step) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (store.find(execution.sagaId()).filter(s -> s.currentStep() == step).isEmpty()) {
            assertThat(System.nanoTime()).as("step %d started", step).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private SagaEngine engine(JpaEventStore sagaStore, Clock engineClock, boolean deliveryWaits) {
        SagaDefinition<Transfer> transfer = SagaDefinition.<Transfer>named("transfer")
                .step("hold", new Step<>() {
                    @Override
                    public CompletionStage<StepResult> execute(SagaContext<Transfer> context) {
                        journal.add("hold " + context.input().from());
                        return StepResult.output(new Receipt(context.input().from(), context.input().amount())).stage();
                    }

                    @Override
                    public void compensate(SagaContext<Transfer> context) {
                        journal.add("release " + context.output("hold", Receipt.class).orElseThrow());
                    }
                })
                .step("deliver", new Step<>() {
                    @Override
                    public CompletionStage<StepResult> execute(SagaContext<Transfer> context) throws Exception {
                        journal.add("deliver " + context.input().to());
                        if (!deliveryWaits) {
                            throw new IllegalStateException("no courier");
                        }
                        release.await();
                        return StepResult.done();
                    }

                    @Override
                    public void compensate(SagaContext<Transfer> context) {
                        journal.add("undo deliver");
                    }
                });
        Problems problems = new Problems();
        return new SagaEngine(List.of(SagaDefinitions.model(transfer, "test", Duration.ofMinutes(1), threads,
                new ManualTimer(), problems)
                .orElseThrow()), sagaStore, sagaStore,
                new EventTypeRegistry(), threads, engineClock, LEASE);
    }

    /** A clock a test moves; it starts at the real time, as rows written with it sit beside real ones. */
    static final class SettableClock extends Clock {

        private volatile Instant now = Instant.now();

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
