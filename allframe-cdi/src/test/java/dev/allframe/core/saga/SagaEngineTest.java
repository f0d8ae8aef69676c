package dev.allframe.core.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.EventEnvelope;
import dev.allframe.command.IdempotencyScopeClosedException;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.core.Problems;
import dev.allframe.memory.InMemoryEventStore;
import dev.allframe.memory.InMemorySagaStore;
import dev.allframe.saga.NoSuchSagaException;
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
import dev.allframe.saga.StepFailure;
import dev.allframe.saga.StepResult;
import dev.allframe.spi.saga.SagaRecord;
import dev.allframe.testing.ManualTimer;
import dev.allframe.testing.MutableClock;
import dev.allframe.testing.RecordingTelemetry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SagaEngineTest {

    private static final Duration LEASE = Duration.ofSeconds(30);

    private final List<String> journal = Collections.synchronizedList(new ArrayList<>());
    private final ScriptedStep reserve = new ScriptedStep("reserve", journal);
    private final ScriptedStep debit = new ScriptedStep("debit", journal);
    private final ScriptedStep credit = new ScriptedStep("credit", journal);
    private final InMemoryEventStore events = new InMemoryEventStore();
    private final MutableClock clock = new MutableClock();
    private final ManualTimer timer = new ManualTimer(clock);
    private final InMemorySagaStore sagaStore = new InMemorySagaStore(clock);
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        threads.shutdownNow();
    }

    private final RecordingTelemetry telemetry = new RecordingTelemetry();

    @Test
    void stepsRunInOrderAndLaterStepsReadEarlierOutputs() {
        reserve.output = "R-17";
        Step<String> reader = new Step<>() {
            @Override
            public CompletionStage<StepResult> execute(SagaContext<String> context) {
                journal.add("read " + context.output("reserve", String.class).orElseThrow() + " at step "
                        + context.step() + " " + context.stepName());
                return StepResult.done();
            }

            @Override
            public void compensate(SagaContext<String> context) {
            }
        };
        SagaEngine engine = engine(SagaDefinition.<String>named("transfer").step("reserve", reserve)
                .step("debit", debit).step("reader", reader));

        SagaOutcome outcome = engine.start("transfer", "A->B");

        assertThat(outcome).isEqualTo(new SagaOutcome.Completed(outcome.sagaId()));
        assertThat(journal).containsExactly("execute reserve A->B 1:execute", "execute debit A->B 2:execute",
                "read R-17 at step 3 reader");
        assertThat(engine.status(outcome.sagaId()).orElseThrow().state()).isEqualTo(SagaState.COMPLETED);
        assertThat(engine.history(outcome.sagaId())).extracting(SagaLogEntry::number, SagaLogEntry::stepName,
                SagaLogEntry::action, SagaLogEntry::result).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "reserve", Action.EXECUTE, Result.SUCCEEDED),
                org.assertj.core.groups.Tuple.tuple(2, "debit", Action.EXECUTE, Result.SUCCEEDED),
                org.assertj.core.groups.Tuple.tuple(3, "reader", Action.EXECUTE, Result.SUCCEEDED));
        assertThat(engine.unfinished()).isEmpty();
    }

    @Test
    void anErrorInAStepFailsItAtOnceAsWhatItIsAndTheSagaCompensates() {
        credit.executeError = new NoClassDefFoundError("com/example/Ledger");
        SagaEngine engine = engine(transfer());

        SagaOutcome outcome = engine.start("transfer", "A->B");

        assertThat(outcome.state()).isEqualTo(SagaState.COMPENSATED);
        assertThat(((SagaOutcome.Compensated) outcome).failure().message()).isEqualTo("AF1141: Step 3 'credit' of saga"
                + " 'transfer' (" + outcome.sagaId() + ") failed: java.lang.NoClassDefFoundError: com/example/Ledger");
        assertThat(journal).endsWith("compensate credit 3:compensate", "compensate debit 2:compensate",
                "compensate reserve 1:compensate");
    }

    @Test
    void aFailedStepIsCompensatedWithEveryEarlierStepInReverseOrder() {
        credit.executeFailure = new IllegalStateException("account B is closed");
        SagaEngine engine = engine(transfer());

        SagaOutcome outcome = engine.start("transfer", "A->B");

        String message = "AF1141: Step 3 'credit' of saga 'transfer' (" + outcome.sagaId()
                + ") failed: java.lang.IllegalStateException: account B is closed";
        assertThat(outcome).isEqualTo(new SagaOutcome.Compensated(outcome.sagaId(),
                new StepFailure(3, "credit", message, credit.executeFailure)));
        assertThat(journal).containsExactly("execute reserve A->B 1:execute", "execute debit A->B 2:execute",
                "execute credit A->B 3:execute", "compensate credit 3:compensate", "compensate debit 2:compensate",
                "compensate reserve 1:compensate");
        assertThat(debit.executionKeys).as("an execution's commands carry its key, in its scope")
                .containsExactly(outcome.sagaId() + ":2:execute in " + outcome.sagaId() + ":2:execute");
        assertThat(debit.executionEventsSeen).as("its compensation knows it stored nothing")
                .containsExactly(List.of());
        assertThat(engine.status(outcome.sagaId()).orElseThrow()).extracting("state", "failedStep", "failure")
                .containsExactly(SagaState.COMPENSATED, 3, message);
        assertThat(engine.history(outcome.sagaId())).extracting(SagaLogEntry::step, SagaLogEntry::action,
                SagaLogEntry::result, SagaLogEntry::error).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, Action.EXECUTE, Result.SUCCEEDED, null),
                org.assertj.core.groups.Tuple.tuple(2, Action.EXECUTE, Result.SUCCEEDED, null),
                org.assertj.core.groups.Tuple.tuple(3, Action.EXECUTE, Result.FAILED, message),
                org.assertj.core.groups.Tuple.tuple(3, Action.COMPENSATE, Result.SUCCEEDED, null),
                org.assertj.core.groups.Tuple.tuple(2, Action.COMPENSATE, Result.SUCCEEDED, null),
                org.assertj.core.groups.Tuple.tuple(1, Action.COMPENSATE, Result.SUCCEEDED, null));
    }

    @Test
    void aFailingCompensationIsRecordedAndTheOthersStillRun() {
        credit.executeFailure = new IllegalStateException("account B is closed");
        debit.compensateFailure = new IllegalArgumentException("ledger offline");
        SagaEngine engine = engine(transfer());

        SagaOutcome outcome = engine.start("transfer", "A->B");

        assertThat(outcome).isInstanceOf(SagaOutcome.FailedCompensation.class);
        SagaOutcome.FailedCompensation failed = (SagaOutcome.FailedCompensation) outcome;
        assertThat(failed.failure().step()).isEqualTo(3);
        assertThat(failed.compensationFailures()).containsExactly(new StepFailure(2, "debit",
                "AF1143: Compensating step 2 'debit' of saga 'transfer' (" + outcome.sagaId()
                        + ") failed: java.lang.IllegalArgumentException: ledger offline", debit.compensateFailure));
        assertThat(journal).endsWith("compensate credit 3:compensate", "compensate debit 2:compensate",
                "compensate reserve 1:compensate");
        assertThat(engine.status(outcome.sagaId()).orElseThrow().state()).isEqualTo(SagaState.FAILED_COMPENSATION);
    }

    @Test
    void aStepThatBlocksAndIgnoresInterruptsIsStoppedByItsTimeout() throws Exception {
        debit.blockUntil = release;
        SagaEngine engine = engine(SagaDefinition.<String>named("transfer").step("reserve", reserve)
                .step("debit", debit, Duration.ofMillis(300)).step("credit", credit));

        SagaExecution execution = engine.startAsync("transfer", "A->B");
        awaitJournal("execute debit A->B 2:execute");
        timer.advance(Duration.ofMillis(299));
        assertThat(execution.outcome().toCompletableFuture()).isNotDone();
        timer.advance(Duration.ofMillis(1));
        SagaOutcome outcome = execution.outcome().toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertThat(outcome).isInstanceOf(SagaOutcome.Compensated.class);
        StepFailure failure = ((SagaOutcome.Compensated) outcome).failure();
        assertThat(failure.step()).isEqualTo(2);
        assertThat(failure.cause()).isInstanceOf(TimeoutException.class);
        assertThat(journal).containsExactly("execute reserve A->B 1:execute", "execute debit A->B 2:execute",
                "compensate debit 2:compensate", "compensate reserve 1:compensate");
    }

    @Test
    void aCompensationIsGivenTheEventsItsExecutionStored() {
        credit.executeFailure = new IllegalStateException("account B is closed");
        debit.appendsTo = events;
        SagaEngine engine = engine(transfer());

        SagaOutcome outcome = engine.start("transfer", "A->B");

        assertThat(outcome.state()).isEqualTo(SagaState.COMPENSATED);
        assertThat(debit.executionEventsSeen).singleElement().satisfies(stored -> assertThat(stored)
                .extracting(EventEnvelope::streamId, EventEnvelope::event)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ledger-debit", "debit A->B")));
        assertThat(reserve.executionEventsSeen).containsExactly(List.of());
        assertThat(credit.executionEventsSeen).containsExactly(List.of());
    }

    /**
     * Fencing: a process that lost its saga to another (its lease ran out while its step still ran) can store nothing
     * of that step once the new owner compensated it, neither through a command nor through the step's result, nor
     * record anything more of the saga.
     */
    @Test
    void aStepStillRunningWhenItsSagaWasTakenOverStoresNothingAfterwards() throws Exception {
        debit.blockUntil = release;
        debit.appendsTo = events;
        SagaEngine first = engine(transfer());
        SagaExecution running = first.startAsync("transfer", "A->B");
        awaitJournal("execute debit A->B 2:execute");
        clock.advance(LEASE.plusSeconds(1));
        SagaEngine second = engine(transfer());

        List<SagaExecution> recovered = second.recoverNow();
        assertThat(recovered).extracting(SagaExecution::sagaId).containsExactly(running.sagaId());
        assertThat(recovered.get(0).outcome().toCompletableFuture().get(10, TimeUnit.SECONDS).state())
                .isEqualTo(SagaState.COMPENSATED);
        release.countDown();

        assertThat(debit.appended.get(10, TimeUnit.SECONDS)).isInstanceOf(IdempotencyScopeClosedException.class);
        assertThatThrownBy(() -> running.outcome().toCompletableFuture().get(10, TimeUnit.SECONDS))
                .cause().isInstanceOf(SagaTakenOverException.class);
        assertThat(events.readStream("ledger-debit", 1, 10)).isEmpty();
        assertThat(second.history(running.sagaId())).extracting(SagaLogEntry::step, SagaLogEntry::action,
                SagaLogEntry::result).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, Action.EXECUTE, Result.SUCCEEDED),
                org.assertj.core.groups.Tuple.tuple(2, Action.EXECUTE, Result.INTERRUPTED),
                org.assertj.core.groups.Tuple.tuple(2, Action.COMPENSATE, Result.SUCCEEDED),
                org.assertj.core.groups.Tuple.tuple(1, Action.COMPENSATE, Result.SUCCEEDED));
    }

    @Test
    void anExecutionThatOutlivesItsTimeoutStoresNothingOnceTheSagaCompensatedIt() throws Exception {
        debit.blockUntil = release;
        debit.appendsTo = events;
        SagaEngine engine = engine(SagaDefinition.<String>named("transfer").step("reserve", reserve)
                .step("debit", debit, Duration.ofMillis(300)).step("credit", credit));

        SagaExecution execution = engine.startAsync("transfer", "A->B");
        awaitJournal("execute debit A->B 2:execute");
        timer.advance(Duration.ofMillis(300));
        SagaOutcome outcome = execution.outcome().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(outcome.state()).isEqualTo(SagaState.COMPENSATED);
        assertThat(debit.executionEventsSeen).containsExactly(List.of());
        release.countDown();

        Object late = debit.appended.get(10, TimeUnit.SECONDS);
        assertThat(late).isInstanceOf(IdempotencyScopeClosedException.class);
        assertThat(((IdempotencyScopeClosedException) late).getMessage()).isEqualTo("AF1181: Append to stream"
                + " 'ledger-debit' refused: its idempotency scope '" + outcome.sagaId() + ":2:execute' was closed (a"
                + " saga compensated the step execution it belongs to); nothing was stored");
        assertThat(events.readStream("ledger-debit", 1, 10)).isEmpty();
        assertThat(events.headPosition()).isZero();
    }

    @Test
    void anExecutionAskingForItsOwnEventsFailsSayingOnlyItsCompensationKnowsThem() {
        Step<String> curious = new Step<>() {
            @Override
            public CompletionStage<StepResult> execute(SagaContext<String> context) {
                context.executionEvents();
                return StepResult.done();
            }

            @Override
            public void compensate(SagaContext<String> context) {
            }
        };
        SagaEngine engine = engine(SagaDefinition.<String>named("curious").step("peek", curious));

        SagaOutcome outcome = engine.start("curious", "A");

        assertThat(((SagaOutcome.Compensated) outcome).failure().message()).isEqualTo("AF1141: Step 1 'peek' of saga"
                + " 'curious' (" + outcome.sagaId() + ") failed: java.lang.IllegalStateException: "
                + "AF1182: Step 1 'peek' of saga 'curious' (" + outcome.sagaId() + ") asked for its execution's"
                + " events while it executes: only its compensation knows them");
    }

    @Test
    void aStoreThatCannotCloseTheExecutionFailsTheCompensationWithoutRunningIt() {
        credit.executeFailure = new IllegalStateException("account B is closed");
        SagaEngine engine = engineOn(transfer(), new dev.allframe.testing.ForwardingEventStore() {
            @Override
            public List<dev.allframe.spi.event.AppendResult> closeScope(String scope) {
                if (scope.endsWith(":2:execute")) {
                    throw new IllegalStateException("database down");
                }
                return super.closeScope(scope);
            }
        });

        SagaOutcome outcome = engine.start("transfer", "A->B");

        assertThat(outcome).isInstanceOf(SagaOutcome.FailedCompensation.class);
        assertThat(((SagaOutcome.FailedCompensation) outcome).compensationFailures()).singleElement()
                .extracting(StepFailure::message).isEqualTo("AF1183: Closing the execution of step 2 'debit' of saga"
                        + " 'transfer' (" + outcome.sagaId() + ") before its compensation failed:"
                        + " java.lang.IllegalStateException: database down; the compensation did not run");
        assertThat(journal).endsWith("compensate credit 3:compensate", "compensate reserve 1:compensate");
    }

    @Test
    void aCompensationThatBlocksAndIgnoresInterruptsIsStoppedByTheStepsTimeoutAndTheOthersStillRun() throws Exception {
        credit.executeFailure = new IllegalStateException("account B is closed");
        debit.compensateBlockUntil = release;
        SagaEngine engine = engine(SagaDefinition.<String>named("transfer").step("reserve", reserve)
                .step("debit", debit, Duration.ofMillis(300)).step("credit", credit));

        SagaExecution execution = engine.startAsync("transfer", "A->B");
        awaitJournal("compensate debit 2:compensate");
        timer.advance(Duration.ofMillis(299));
        assertThat(execution.outcome().toCompletableFuture()).isNotDone();
        timer.advance(Duration.ofMillis(1));
        SagaOutcome outcome = execution.outcome().toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertThat(outcome).isInstanceOf(SagaOutcome.FailedCompensation.class);
        List<StepFailure> failures = ((SagaOutcome.FailedCompensation) outcome).compensationFailures();
        assertThat(failures).singleElement().satisfies(failure -> {
            assertThat(failure.step()).isEqualTo(2);
            assertThat(failure.cause()).isInstanceOf(TimeoutException.class);
            assertThat(failure.message()).isEqualTo("AF1143: Compensating step 2 'debit' of saga 'transfer' ("
                    + outcome.sagaId() + ") failed: java.util.concurrent.TimeoutException: AF1153: The compensation"
                    + " of step " + debit.getClass().getName() + " did not finish within 300 ms");
        });
        assertThat(journal).endsWith("compensate credit 3:compensate", "compensate debit 2:compensate",
                "compensate reserve 1:compensate");
        assertThat(engine.history(outcome.sagaId())).extracting(SagaLogEntry::step, SagaLogEntry::action,
                SagaLogEntry::result).endsWith(
                org.assertj.core.groups.Tuple.tuple(2, Action.COMPENSATE, Result.FAILED),
                org.assertj.core.groups.Tuple.tuple(1, Action.COMPENSATE, Result.SUCCEEDED));
        assertThat(engine.status(outcome.sagaId()).orElseThrow().state()).isEqualTo(SagaState.FAILED_COMPENSATION);
    }

    @Test
    void anUnknownSagaIsAnErrorNamingTheKnownOnes() {
        SagaEngine engine = engine(transfer());

        assertThatThrownBy(() -> engine.start("refund", "x")).isInstanceOf(NoSuchSagaException.class)
                .hasMessage("AF1140: No saga is named 'refund'; sagas: transfer");
        assertThatThrownBy(() -> engine.start("transfer", null)).isInstanceOf(NullPointerException.class)
                .hasMessage("AF1151: Saga 'transfer' needs an input, but got null");
    }

    @Test
    void eventsAStepReturnsAreAppendedOnceWithTheSagaAsCorrelation() {
        Step<String> opening = new Step<>() {
            @Override
            public CompletionStage<StepResult> execute(SagaContext<String> context) {
                return StepResult.none().append("ledger-" + context.input(), new Opened(context.input())).stage();
            }

            @Override
            public void compensate(SagaContext<String> context) {
            }
        };
        SagaEngine engine = engine(SagaDefinition.<String>named("open").step("open", opening));

        SagaOutcome outcome = engine.start("open", "A");

        List<EventEnvelope> stored = events.readStream("ledger-A", 1, 10);
        assertThat(stored).extracting(EventEnvelope::event).containsExactly(new Opened("A"));
        assertThat(stored.get(0).correlationId()).isEqualTo(outcome.sagaId().toString());
        assertThat(stored.get(0).metadata()).isEqualTo(Map.of("saga", "open", "step", "open"));
        assertThat(events.findByIdempotencyKey(outcome.sagaId() + ":1:append-1")).isPresent();
    }

    record Unknown(String account) {
    }

    @Test
    void aStepAppendingAnEventOfAClassTheApplicationDoesNotDeclareFailsBeforeAnyOfItsAppendsIsStored() {
        Step<String> opening = new Step<>() {
            @Override
            public CompletionStage<StepResult> execute(SagaContext<String> context) {
                return StepResult.none().append("ledger-A", new Opened("A"))
                        .append("ledger-B", new Unknown("B")).stage();
            }

            @Override
            public void compensate(SagaContext<String> context) {
                journal.add("compensate open");
            }
        };
        SagaEngine engine = engine(SagaDefinition.<String>named("open").step("open", opening));

        SagaOutcome outcome = engine.start("open", "A");

        assertThat(((SagaOutcome.Compensated) outcome).failure().message()).isEqualTo("AF1141: Step 1 'open' of saga"
                + " 'open' (" + outcome.sagaId() + ") failed: dev.allframe.EventStoreException: AF1184: Event class"
                + " dev.allframe.core.saga.SagaEngineTest$Unknown is not one of the application's event classes, so it"
                + " is not appended to stream 'ledger-B': they are found at deployment in what command handlers return,"
                + " states apply, projections handle and upcasters take or make, sealed types with the classes they"
                + " permit; nothing of the append was stored");
        assertThat(journal).containsExactly("compensate open");
        assertThat(events.headPosition()).isZero();
    }

    @Test
    void aStepThatReturnsNoStageFails() {
        Step<String> broken = new Step<>() {
            @Override
            public CompletionStage<StepResult> execute(SagaContext<String> context) {
                return null;
            }

            @Override
            public void compensate(SagaContext<String> context) {
                journal.add("compensate broken");
            }
        };
        SagaEngine engine = new SagaEngine(List.of(new SagaModel("broken", List.of(new SagaStepModel(1, "broken",
                "com.example.Broken", erased(broken), new Unguarded())))), sagaStore, events,
                new EventTypeRegistry(), threads, clock, LEASE);

        SagaOutcome outcome = engine.start("broken", "x");

        assertThat(((SagaOutcome.Compensated) outcome).failure().message()).isEqualTo("AF1141: Step 1 'broken' of saga"
                + " 'broken' (" + outcome.sagaId() + ") failed: dev.allframe.AllFrameException: AF1146: Step"
                + " com.example.Broken returned no CompletionStage from execute");
        assertThat(journal).containsExactly("compensate broken");
    }

    /** Calls the step on the saga's thread, without a timeout, so that the run's own checks show. */
    private static final class Unguarded implements StepGuard {

        @Override
        public CompletionStage<StepResult> execute(Step<Object> step, SagaContext<Object> context) throws Exception {
            return step.execute(context);
        }

        @Override
        public void compensate(Step<Object> step, SagaContext<Object> context) throws Exception {
            step.compensate(context);
        }
    }

    @SuppressWarnings("unchecked")
    private static Step<Object> erased(Step<?> step) {
        return (Step<Object>) step;
    }

    record Opened(String account) {
    }

    @Test
    void startAsyncGivesTheIdAtOnceAndTheOutcomeWhenTheSagaEnds() throws Exception {
        debit.blockUntil = release;
        SagaEngine engine = engine(transfer());

        SagaExecution execution = engine.startAsync("transfer", "A->B");

        awaitState(engine, execution.sagaId(), SagaState.RUNNING, 2);
        assertThat(engine.unfinished()).extracting("sagaId").containsExactly(execution.sagaId());
        release.countDown();
        assertThat(execution.outcome().toCompletableFuture().get(10, TimeUnit.SECONDS))
                .isEqualTo(new SagaOutcome.Completed(execution.sagaId()));
    }

    @Test
    void aSagaLeftRunningByAStoppedProcessIsCompensatedFromItsLastStartedStepOnceItsLeaseRanOut() throws Exception {
        UUID id = UUID.randomUUID();
        Instant then = clock.instant();
        SagaRecord left = new SagaRecord(id, "transfer", SagaState.RUNNING, 2, 3, "A->B", Map.of("reserve", "R-1"), 0,
                null, "dead-process", then.plus(LEASE), then, then);
        sagaStore.save(left, new SagaLogEntry(1, 1, "reserve", Action.EXECUTE, Result.SUCCEEDED, null, then, then));
        sagaStore.save(left, new SagaLogEntry(2, 2, "debit", Action.EXECUTE, Result.STARTED, null, then, null));
        SagaEngine engine = engine(transfer());

        assertThat(engine.recoverNow()).as("nothing to recover while the lease runs").isEmpty();
        clock.advance(LEASE.plusSeconds(1));
        List<SagaExecution> recovered = engine.recoverNow();

        assertThat(recovered).extracting(SagaExecution::sagaId).containsExactly(id);
        SagaOutcome outcome = recovered.get(0).outcome().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(telemetry.recovered()).containsExactly("transfer");
        String interrupted = "AF1142: Step 2 'debit' of saga 'transfer' (" + id
                + ") was running when its process stopped; the saga is compensated from this step";
        assertThat(outcome).isEqualTo(new SagaOutcome.Compensated(id, new StepFailure(2, "debit", interrupted, null)));
        assertThat(journal).containsExactly("compensate debit 2:compensate", "compensate reserve 1:compensate");
        assertThat(engine.history(id)).extracting(SagaLogEntry::step, SagaLogEntry::action, SagaLogEntry::result,
                SagaLogEntry::error).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, Action.EXECUTE, Result.SUCCEEDED, null),
                org.assertj.core.groups.Tuple.tuple(2, Action.EXECUTE, Result.INTERRUPTED, interrupted),
                org.assertj.core.groups.Tuple.tuple(2, Action.COMPENSATE, Result.SUCCEEDED, null),
                org.assertj.core.groups.Tuple.tuple(1, Action.COMPENSATE, Result.SUCCEEDED, null));
        assertThat(sagaStore.find(id).orElseThrow().owner()).isEqualTo(engine.owner());
        assertThat(engine.recoverNow()).isEmpty();
    }

    @Test
    void aSagaLeftCompensatingGoesOnFromTheCompensationThatWasRunning() throws Exception {
        UUID id = UUID.randomUUID();
        Instant then = clock.instant();
        SagaRecord left = new SagaRecord(id, "transfer", SagaState.COMPENSATING, 2, 3, "A->B", Map.of(), 3,
                "AF1141: credit failed", "dead-process", then, then, then);
        sagaStore.save(left, new SagaLogEntry(4, 3, "credit", Action.COMPENSATE, Result.FAILED, "AF1143: no", then, then));
        sagaStore.save(left, new SagaLogEntry(5, 2, "debit", Action.COMPENSATE, Result.STARTED, null, then, null));
        clock.advance(Duration.ofSeconds(1));

        SagaOutcome outcome = engine(transfer()).recoverNow().get(0).outcome().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);

        assertThat(journal).containsExactly("compensate debit 2:compensate", "compensate reserve 1:compensate");
        assertThat(outcome).isEqualTo(new SagaOutcome.FailedCompensation(id,
                new StepFailure(3, "credit", "AF1141: credit failed", null),
                List.of(new StepFailure(3, "credit", "AF1143: no", null))));
    }

    @Test
    void theLeasesOfRunningSagasAreRenewedAndAnotherProcessCannotTakeThemOver() throws Exception {
        debit.blockUntil = release;
        SagaEngine engine = engine(transfer());
        SagaExecution execution = engine.startAsync("transfer", "A->B");
        awaitState(engine, execution.sagaId(), SagaState.RUNNING, 2);

        clock.advance(LEASE.minusSeconds(1));
        engine.renewLeases();
        clock.advance(Duration.ofSeconds(2));

        assertThat(sagaStore.find(execution.sagaId()).orElseThrow().leaseUntil()).isEqualTo(clock.instant()
                .minusSeconds(2).plus(LEASE));
        assertThat(engine(transfer()).recoverNow()).isEmpty();
        release.countDown();
        assertThat(execution.outcome().toCompletableFuture().get(10, TimeUnit.SECONDS).state())
                .isEqualTo(SagaState.COMPLETED);
    }

    private SagaDefinition<String> transfer() {
        return SagaDefinition.<String>named("transfer").step("reserve", reserve).step("debit", debit)
                .step("credit", credit);
    }

    private SagaEngine engine(SagaDefinition<String> definition) {
        return engineOn(definition, events);
    }

    private SagaEngine engineOn(SagaDefinition<String> definition, dev.allframe.spi.event.EventStore store) {
        Problems problems = new Problems();
        SagaModel model = SagaDefinitions.model(definition, "test", Duration.ofSeconds(20), threads, timer, problems)
                .orElseThrow();
        assertThat(problems.messages()).isEmpty();
        return new SagaEngine(List.of(model), sagaStore, store, EventTypeRegistry.of(List.of(Opened.class)), threads,
                clock, LEASE, telemetry);
    }

    /** Waits until a step has written {@code entry}: it runs now, and its time counts. */
    private void awaitJournal(String entry) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!journal.contains(entry)) {
            assertThat(System.nanoTime()).as("the journal reaches %s", entry).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private static void awaitState(SagaEngine engine, UUID id, SagaState state, int step) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (engine.status(id).filter(s -> s.state() == state && s.currentStep() == step).isEmpty()) {
            assertThat(System.nanoTime()).as("saga %s at %s step %d", id, state, step).isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
