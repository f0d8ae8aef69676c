package dev.allframe.core.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.core.EventTypeRegistry;
import dev.allframe.core.Problems;
import dev.allframe.memory.InMemoryEventStore;
import dev.allframe.memory.InMemorySagaStore;
import dev.allframe.saga.SagaContext;
import dev.allframe.saga.SagaDefinition;
import dev.allframe.saga.SagaExecution;
import dev.allframe.saga.SagaLogEntry;
import dev.allframe.saga.SagaLogEntry.Action;
import dev.allframe.saga.SagaLogEntry.Result;
import dev.allframe.saga.SagaOutcome;
import dev.allframe.saga.SagaState;
import dev.allframe.saga.Step;
import dev.allframe.saga.StepFailure;
import dev.allframe.saga.StepResult;
import dev.allframe.spi.saga.SagaRecord;
import dev.allframe.spi.saga.SagaStore;
import dev.allframe.testing.LogCapture;
import dev.allframe.testing.ManualTimer;
import dev.allframe.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The messages of sagas that are interrupted, recovered, unknown, or whose store fails. */
class SagaRecoveryMessagesTest {

    private static final Duration LEASE = Duration.ofSeconds(30);

    private final List<String> journal = Collections.synchronizedList(new ArrayList<>());
    private final ScriptedStep reserve = new ScriptedStep("reserve", journal);
    private final ScriptedStep debit = new ScriptedStep("debit", journal);
    private final MutableClock clock = new MutableClock();
    private final InMemorySagaStore sagaStore = new InMemorySagaStore(clock);
    private final ManualTimer timer = new ManualTimer(clock);
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void aSagaStillExecutingAStepWhenTheEngineStopsStaysUnfinished() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Step<String> endless = new Step<>() {
            @Override
            public CompletionStage<StepResult> execute(SagaContext<String> context) {
                started.countDown();
                return new CompletableFuture<>();
            }

            @Override
            public void compensate(SagaContext<String> context) {
            }
        };
        ExecutorService sagaThread = Executors.newSingleThreadExecutor();
        try (LogCapture log = LogCapture.of(SagaEngine.class)) {
            SagaEngine engine = engine(SagaDefinition.<String>named("hold").step("endless", endless), sagaStore,
                    sagaThread);
            SagaExecution execution = engine.startAsync("hold", "A");
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

            engine.stop();

            String message = "AF1145: Saga 'hold' (" + execution.sagaId() + ") was interrupted while it ran; it"
                    + " stays unfinished and is compensated once its lease runs out";
            assertThatThrownBy(() -> execution.outcome().toCompletableFuture().get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().hasMessage(message);
            assertThat(log.linesAbout(execution.sagaId().toString())).containsExactly("WARNING " + message);
            assertThat(engine.status(execution.sagaId()).orElseThrow().state()).isEqualTo(SagaState.RUNNING);
        } finally {
            sagaThread.shutdownNow();
        }
    }

    @Test
    void aRecoveredSagaIsLoggedWithWhereItWasLeft() throws Exception {
        UUID id = UUID.randomUUID();
        Instant then = clock.instant();
        SagaRecord left = new SagaRecord(id, "transfer", SagaState.RUNNING, 2, 2, "A->B", Map.of(), 0, null,
                "dead-process", then, then, then);
        sagaStore.save(left, new SagaLogEntry(1, 1, "reserve", Action.EXECUTE, Result.SUCCEEDED, null, then, then));
        sagaStore.save(left, new SagaLogEntry(2, 2, "debit", Action.EXECUTE, Result.STARTED, null, then, null));
        clock.advance(Duration.ofSeconds(1));

        try (LogCapture log = LogCapture.of(SagaEngine.class)) {
            SagaEngine engine = engine(transfer(), sagaStore, Runnable::run);
            SagaExecution recovered = engine.recoverNow().get(0);

            assertThat(recovered.outcome().toCompletableFuture().get(10, TimeUnit.SECONDS).state())
                    .isEqualTo(SagaState.COMPENSATED);
            assertThat(log.linesAbout(id.toString())).containsExactly("INFO AF1148: Recovering saga 'transfer' (" + id
                    + "), left RUNNING at step 2 by a stopped process: compensating");
        }
    }

    @Test
    void aSagaLeftBeforeItsFirstStepIsCompensatedWithNothingToUndo() throws Exception {
        UUID id = UUID.randomUUID();
        Instant then = clock.instant();
        sagaStore.save(new SagaRecord(id, "transfer", SagaState.RUNNING, 0, 2, "A->B", Map.of(), 0, null,
                "dead-process", then, then, then), null);
        clock.advance(Duration.ofSeconds(1));

        SagaOutcome outcome = engine(transfer(), sagaStore, Runnable::run).recoverNow().get(0).outcome()
                .toCompletableFuture().get(10, TimeUnit.SECONDS);

        String message = "AF1150: Saga 'transfer' (" + id + ") stopped before its first step; nothing to compensate";
        assertThat(outcome).isEqualTo(new SagaOutcome.Compensated(id, new StepFailure(0, "", message, null)));
        assertThat(sagaStore.find(id).orElseThrow().failure()).isEqualTo(message);
        assertThat(journal).isEmpty();
    }

    @Test
    void anUnfinishedSagaThisApplicationDoesNotDefineIsLeftAndWarnedAboutOnce() {
        UUID id = UUID.randomUUID();
        Instant then = clock.instant();
        sagaStore.save(new SagaRecord(id, "refund", SagaState.RUNNING, 1, 1, "A", Map.of(), 0, null,
                "dead-process", then, then, then), null);
        clock.advance(Duration.ofSeconds(1));
        SagaEngine engine = engine(transfer(), sagaStore, Runnable::run);

        try (LogCapture log = LogCapture.of(SagaEngine.class)) {
            assertThat(engine.recoverNow()).isEmpty();
            assertThat(engine.recoverNow()).isEmpty();

            assertThat(log.linesAbout(id.toString())).containsExactly("WARNING AF1147: Saga " + id
                    + " is unfinished, but this application defines no saga 'refund'; it is left as it is");
        }
        assertThat(sagaStore.find(id).orElseThrow().owner()).isEqualTo("dead-process");
    }

    @Test
    void aFailingSagaStoreIsWarnedAboutAndTriedAgain() {
        SagaStore broken = new FailingSagaStore();
        SagaEngine engine = engine(transfer(), broken, Runnable::run);

        try (LogCapture log = LogCapture.of(SagaLeases.class);
             SagaLeases leases = SagaLeases.start(engine, LEASE, timer, Runnable::run)) {
            timer.advance(Duration.ZERO);
            timer.advance(LEASE.dividedBy(4));

            assertThat(log.lines()).containsExactly(
                    "WARNING AF1149: The saga store failed while looking for sagas to recover; AllFrame tries again",
                    "WARNING AF1149: The saga store failed while looking for sagas to recover; AllFrame tries again");
            assertThat(log.records().get(0).getThrown()).hasMessage("saga table is gone");
        }
    }

    private SagaDefinition<String> transfer() {
        return SagaDefinition.<String>named("transfer").step("reserve", reserve).step("debit", debit);
    }

    private SagaEngine engine(SagaDefinition<String> definition, SagaStore store,
                              java.util.concurrent.Executor executor) {
        Problems problems = new Problems();
        SagaModel model = SagaDefinitions.model(definition, "test", Duration.ofSeconds(20), threads, timer, problems)
                .orElseThrow();
        assertThat(problems.messages()).isEmpty();
        return new SagaEngine(List.of(model), store, new InMemoryEventStore(), new EventTypeRegistry(), executor,
                clock, LEASE);
    }

    /** A saga store whose database is gone. */
    private static final class FailingSagaStore implements SagaStore {

        @Override
        public void start(SagaRecord saga, Duration lease) {
            throw gone();
        }

        @Override
        public void save(SagaRecord saga, SagaLogEntry entry) {
            throw gone();
        }

        @Override
        public Optional<SagaRecord> find(UUID sagaId) {
            throw gone();
        }

        @Override
        public List<SagaLogEntry> history(UUID sagaId) {
            throw gone();
        }

        @Override
        public List<SagaRecord> unfinished() {
            throw gone();
        }

        @Override
        public List<SagaRecord> expired(int limit) {
            throw gone();
        }

        @Override
        public Optional<SagaRecord> claim(UUID sagaId, String owner, Duration lease) {
            throw gone();
        }

        @Override
        public void renewLeases(String owner, Collection<UUID> sagaIds, Duration lease) {
            throw gone();
        }

        @Override
        public Optional<Instant> oldestUnfinishedStart() {
            throw gone();
        }

        @Override
        public int pruneFinished(Instant before, int limit) {
            throw gone();
        }

        private static IllegalStateException gone() {
            return new IllegalStateException("saga table is gone");
        }
    }
}
