package dev.allframe.core.saga;

import dev.allframe.AllFrameException;
import dev.allframe.AllFrameMessage;
import dev.allframe.EventEnvelope;
import dev.allframe.core.message.SagaMessages;
import dev.allframe.core.telemetry.Telemetry;
import dev.allframe.saga.SagaLogEntry.Action;
import dev.allframe.saga.SagaLogEntry.Result;
import dev.allframe.saga.SagaLogEntry;
import dev.allframe.saga.SagaOutcome;
import dev.allframe.saga.SagaState;
import dev.allframe.saga.StepFailure;
import dev.allframe.saga.StepResult;
import dev.allframe.spi.event.AppendResult;
import dev.allframe.spi.event.IdempotencyKeys;
import dev.allframe.spi.saga.SagaRecord;
import dev.allframe.spi.saga.SagaStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * One saga's way through its steps: executes them in order, and on a failure
 * compensates the failed step and every earlier one in reverse order; before a step's compensation, the
 * idempotency scope of its execution is closed, so that what the execution stored is known and final. Each change
 * is stored before the work it announces, so that a process that dies leaves the last step that may have had an
 * effect in the store.
 */
final class SagaRun {

    private final SagaModel model;
    private final SagaStore store;
    private final StepAppender appender;
    private final IdempotencyKeys keys;
    private final Clock clock;
    private final Telemetry telemetry;
    private final CompletableFuture<SagaOutcome> outcome = new CompletableFuture<>();
    private SagaRecord saga;
    private int entries;
    private Executor sagaThreads;
    private Telemetry.Trace sagaTrace;
    /** The lease of a saga not stored yet, which its first write stores; {@code null} once it is stored. */
    private Duration unstoredLease;

    SagaRun(SagaModel model, SagaRecord saga, int entries, SagaStore store, StepAppender appender,
            IdempotencyKeys keys, Clock clock, Telemetry telemetry) {
        this.telemetry = telemetry;
        this.model = model;
        this.saga = saga;
        this.entries = entries;
        this.store = store;
        this.appender = appender;
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * Makes the run's first write store the saga, new, with its lease running {@code lease} from then, together with
     * the start of its first step ({@link SagaStore#start(SagaRecord, Duration, List)}): the first step's effect then
     * follows one write. A process that dies before it leaves nothing of the saga.
     */
    SagaRun storedFirstWith(Duration lease) {
        this.unstoredLease = lease;
        return this;
    }

    /**
     * Runs the steps, without a thread waiting while a step executes: the saga goes on where the step's execution
     * ended when that was in the step's own task ({@link StepThreads}), else on {@code sagaThreads}; a failure and the
     * compensations always run on {@code sagaThreads}. The end of a step is stored with the start of the next (and
     * the end of the last with the saga's completion), in one write: before the next step's effect, as its start
     * must be, and with the step's output, which the next step may read. A process that dies in between leaves the
     * step started, which recovery compensates as a step that may have had its effect, as it would the finished one.
     * When {@code sagaThreads} refuses the saga's work (AllFrame is stopping), the saga is left as it is, for recovery.
     *
     * @param sagaTrace the saga's trace, made current wherever the saga goes on
     * @return the saga's outcome, failed with what the run itself could not get past (its store, an {@link Error})
     */
    CompletableFuture<SagaOutcome> run(Executor sagaThreads, Telemetry.Trace sagaTrace) {
        this.sagaThreads = sagaThreads;
        this.sagaTrace = sagaTrace;
        guarded(() -> proceed(0, List.of(), true));
        return outcome;
    }

    /**
     * Executes the steps from the {@code index}th (from 0) on in this thread until one's execution is under way or
     * the saga ended.
     *
     * @param onSagaThread whether this thread is a saga thread, where a failure is compensated
     */
    private void proceed(int index, List<SagaLogEntry> finished, boolean onSagaThread) {
        List<SagaLogEntry> done = finished;
        List<SagaStepModel> steps = model.steps();
        for (int next = index; next < steps.size(); next++) {
            if (outcome.isDone()) {
                return;
            }
            SagaStepModel step = steps.get(next);
            saga = saga.at(SagaState.RUNNING, step.position(), now());
            SagaLogEntry entry = begin(step, Action.EXECUTE, done);
            Telemetry.Trace trace = telemetry.sagaStep(saga.saga(), saga.id(), step.position(), step.name(), false);
            CompletableFuture<StepResult> execution = start(step, trace);
            if (!execution.isDone()) {
                int position = next;
                execution.whenComplete((result, error) -> resume(position, entry, trace, result, error));
                return;
            }
            StepResult result = null;
            Throwable error = null;
            try {
                result = execution.getNow(null);
            } catch (CompletionException | CancellationException e) {
                error = e;
            }
            Throwable failure = ended(step, trace, result, error);
            if (failure != null) {
                fail(step, entry, failure, onSagaThread);
                return;
            }
            done = List.of(entry.finish(Result.SUCCEEDED, null, now()));
        }
        saga = saga.at(SagaState.COMPLETED, saga.currentStep(), now());
        write(done);
        outcome.complete(new SagaOutcome.Completed(saga.id()));
    }

    /**
     * Ends the run where it is, when AllFrame stops: the saga stays unfinished, for recovery, and a step still
     * executing no longer makes it go on.
     */
    void abort() {
        outcome.completeExceptionally(new RunAbortedException(SagaMessages.sagaInterrupted(saga.saga(), saga.id()),
                null));
    }

    /** Goes on once the execution of the {@code index}th step (from 0) ended, in the thread that ended it. */
    private void resume(int index, SagaLogEntry entry, Telemetry.Trace trace, StepResult result, Throwable error) {
        if (outcome.isDone()) {
            trace.end();
            return;
        }
        SagaStepModel step = model.steps().get(index);
        if (error == null && StepThreads.ending()) {
            guarded(() -> {
                try (Telemetry.Scope scope = sagaTrace.activate()) {
                    settle(index, step, entry, trace, result, null, false);
                }
            });
        } else {
            onSagaThread(() -> settle(index, step, entry, trace, result, error, true));
        }
    }

    private void settle(int index, SagaStepModel step, SagaLogEntry entry, Telemetry.Trace trace, StepResult result,
                        Throwable error, boolean onSagaThread) {
        Throwable failure = ended(step, trace, result, error);
        if (failure != null) {
            fail(step, entry, failure, onSagaThread);
        } else {
            proceed(index + 1, List.of(entry.finish(Result.SUCCEEDED, null, now())), onSagaThread);
        }
    }

    /**
     * Ends the step's trace and, when it succeeded, stores its events and keeps its output; what failed the step,
     * {@code null} when nothing did.
     */
    private Throwable ended(SagaStepModel step, Telemetry.Trace trace, StepResult result, Throwable error) {
        if (error != null) {
            Throwable cause = StepFailures.unwrap(error);
            trace.failed(cause);
            trace.end();
            return cause;
        }
        trace.end();
        StepResult value = result == null ? StepResult.none() : result;
        try {
            appender.append(saga, step, value);
        } catch (RuntimeException e) {
            return e;
        }
        if (value.output() != null) {
            saga = saga.withOutput(step.name(), value.output(), now());
        }
        return null;
    }

    /** Compensates from the failed step on, on a saga thread. */
    private void fail(SagaStepModel step, SagaLogEntry entry, Throwable cause, boolean onSagaThread) {
        if (onSagaThread) {
            outcome.complete(failed(step, entry, cause));
        } else {
            onSagaThread(() -> outcome.complete(failed(step, entry, cause)));
        }
    }

    /** Runs {@code work} on a saga thread with the saga's trace current; left for recovery when refused. */
    private void onSagaThread(Runnable work) {
        try {
            sagaThreads.execute(() -> guarded(() -> {
                try (Telemetry.Scope scope = sagaTrace.activate()) {
                    work.run();
                }
            }));
        } catch (RejectedExecutionException e) {
            outcome.completeExceptionally(new RunAbortedException(SagaMessages.sagaInterrupted(saga.saga(), saga.id()),
                    e));
        }
    }

    /** Runs {@code work}; what it throws, an {@link Error} too, fails the outcome. */
    private void guarded(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException | Error e) {
            outcome.completeExceptionally(e);
        }
    }

    /** Starts the step's execution under its trace; its stage, failed with what kept it from starting. */
    private CompletableFuture<StepResult> start(SagaStepModel step, Telemetry.Trace trace) {
        CompletionStage<StepResult> stage;
        try (Telemetry.Scope scope = trace.activate()) {
            stage = step.guard().execute(step.step(), StepContext.execution(saga, step));
        } catch (Exception | LinkageError | AssertionError e) {
            return CompletableFuture.failedFuture(e);
        }
        if (stage == null) {
            return CompletableFuture.failedFuture(new AllFrameException(SagaMessages.nullStepStage(step.site())));
        }
        return stage.toCompletableFuture();
    }

    /**
     * Continues a saga a stopped process left unfinished: marks what was running as interrupted and
     * compensates from the last step that may have had an effect.
     */
    SagaOutcome recover(List<SagaLogEntry> history) {
        for (SagaLogEntry entry : history) {
            if (entry.result() == Result.STARTED) {
                store.save(saga, entry.finish(Result.INTERRUPTED, SagaMessages.stepInterrupted(saga.saga(),
                        saga.id(), entry.step(), entry.stepName()).toString(), now()));
            }
        }
        int current = saga.currentStep();
        if (saga.state() == SagaState.RUNNING) {
            if (current == 0) {
                String message = SagaMessages.stoppedBeforeFirstStep(saga.saga(), saga.id()).toString();
                saga = saga.failedAt(0, message, now()).at(SagaState.COMPENSATED, 0, now());
                store.save(saga, null);
                return new SagaOutcome.Compensated(saga.id(), new StepFailure(0, "", message, null));
            }
            SagaStepModel step = model.step(current);
            String message = SagaMessages.stepInterrupted(saga.saga(), saga.id(), current, step.name()).toString();
            saga = saga.failedAt(current, message, now());
            store.save(saga, null);
            return compensate(current, new StepFailure(current, step.name(), message, null), List.of());
        }
        StepFailure failure = new StepFailure(saga.failedStep(), model.step(saga.failedStep()).name(), saga.failure(),
                null);
        List<StepFailure> earlier = history.stream()
                .filter(e -> e.action() == Action.COMPENSATE && e.result() == Result.FAILED && e.step() > current)
                .map(e -> new StepFailure(e.step(), e.stepName(), e.error(), null)).toList();
        return compensate(current, failure, earlier);
    }

    private SagaOutcome failed(SagaStepModel step, SagaLogEntry entry, Throwable cause) {
        String message = SagaMessages.stepFailed(saga.saga(), saga.id(), step.position(), step.name(), cause).toString();
        saga = saga.failedAt(step.position(), message, now());
        store.save(saga, entry.finish(Result.FAILED, message, now()));
        return compensate(step.position(), new StepFailure(step.position(), step.name(), message, cause), List.of());
    }

    private SagaOutcome compensate(int from, StepFailure failure, List<StepFailure> earlier) {
        List<StepFailure> failures = new ArrayList<>(earlier);
        for (int position = from; position >= 1; position--) {
            SagaStepModel step = model.step(position);
            saga = saga.at(SagaState.COMPENSATING, position, now());
            SagaLogEntry entry = begin(step, Action.COMPENSATE);
            List<EventEnvelope> executionEvents;
            try {
                executionEvents = closeExecution(step);
            } catch (RuntimeException | LinkageError | AssertionError e) {
                String message = SagaMessages.closingExecutionFailed(saga.saga(), saga.id(), position, step.name(),
                        e).toString();
                failures.add(new StepFailure(position, step.name(), message, e));
                store.save(saga, entry.finish(Result.FAILED, message, now()));
                continue;
            }
            Throwable error = null;
            Telemetry.Trace trace = telemetry.sagaStep(saga.saga(), saga.id(), position, step.name(), true);
            try (Telemetry.Scope scope = trace.activate()) {
                step.guard().compensate(step.step(), StepContext.compensation(saga, step, executionEvents));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                trace.failed(e);
                throw new RunAbortedException(SagaMessages.sagaInterrupted(saga.saga(), saga.id()), e);
            } catch (Exception | LinkageError | AssertionError e) {
                error = e;
                trace.failed(e);
            } finally {
                trace.end();
            }
            if (error == null) {
                store.save(saga, entry.finish(Result.SUCCEEDED, null, now()));
            } else {
                String message = SagaMessages.compensationFailed(saga.saga(), saga.id(), position, step.name(),
                        error).toString();
                failures.add(new StepFailure(position, step.name(), message, error));
                store.save(saga, entry.finish(Result.FAILED, message, now()));
            }
        }
        SagaState end = failures.isEmpty() ? SagaState.COMPENSATED : SagaState.FAILED_COMPENSATION;
        saga = saga.at(end, saga.currentStep(), now());
        store.save(saga, null);
        return failures.isEmpty() ? new SagaOutcome.Compensated(saga.id(), failure)
                : new SagaOutcome.FailedCompensation(saga.id(), failure, failures);
    }

    /**
     * Closes the idempotency scope of the step's execution: nothing it still does through AllFrame can be stored
     * from now on. What it stored before, in order.
     */
    private List<EventEnvelope> closeExecution(SagaStepModel step) {
        List<EventEnvelope> stored = new ArrayList<>();
        for (AppendResult append : keys.closeScope(StepContext.executionScope(saga, step))) {
            stored.addAll(append.events());
        }
        return stored;
    }

    private SagaLogEntry begin(SagaStepModel step, Action action) {
        return begin(step, action, List.of());
    }

    /** Stores the start of {@code step}'s {@code action}, after the {@code earlier} entries, in one write. */
    private SagaLogEntry begin(SagaStepModel step, Action action, List<SagaLogEntry> earlier) {
        SagaLogEntry entry = new SagaLogEntry(++entries, step.position(), step.name(), action, Result.STARTED, null,
                now(), null);
        List<SagaLogEntry> written = new ArrayList<>(earlier);
        written.add(entry);
        write(written);
        return entry;
    }

    /** Stores the saga with {@code entries}: as new when it is not stored yet. */
    private void write(List<SagaLogEntry> entries) {
        Duration lease = unstoredLease;
        if (lease == null) {
            store.saveAll(saga, entries);
        } else {
            store.start(saga, lease, entries);
            unstoredLease = null;
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * The thread running the saga was interrupted, or no saga thread would take it on (AllFrame is stopping): the saga
     * stays unfinished, for recovery.
     */
    private static final class RunAbortedException extends AllFrameException {

        RunAbortedException(AllFrameMessage message, Throwable cause) {
            super(message, cause);
        }
    }
}
