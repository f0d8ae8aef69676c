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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * One saga's way through its steps, in the calling thread: executes them in order, and on a failure
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
    private SagaRecord saga;
    private int entries;

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
     * Runs the steps. The end of a step is stored with the start of the next (and the end of the last with the saga's
     * completion), in one write: before the next step's effect, as its start must be, and with the step's output,
     * which the next step may read. A process that dies in between leaves the step started, which recovery
     * compensates as a step that may have had its effect, as it would the finished one.
     */
    SagaOutcome run() {
        List<SagaLogEntry> finished = List.of();
        for (SagaStepModel step : model.steps()) {
            saga = saga.at(SagaState.RUNNING, step.position(), now());
            SagaLogEntry entry = begin(step, Action.EXECUTE, finished);
            StepResult result;
            try {
                result = execute(step);
                appender.append(saga, step, result);
            } catch (StepFailedException e) {
                return failed(step, entry, e.getCause());
            } catch (RunAbortedException e) {
                throw e;
            } catch (RuntimeException e) {
                return failed(step, entry, e);
            }
            if (result.output() != null) {
                saga = saga.withOutput(step.name(), result.output(), now());
            }
            finished = List.of(entry.finish(Result.SUCCEEDED, null, now()));
        }
        saga = saga.at(SagaState.COMPLETED, saga.currentStep(), now());
        store.saveAll(saga, finished);
        return new SagaOutcome.Completed(saga.id());
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
        store.saveAll(saga, written);
        return entry;
    }

    /** The step's result, waiting as long as its guard lets the stage run. */
    private StepResult execute(SagaStepModel step) {
        Telemetry.Trace trace = telemetry.sagaStep(saga.saga(), saga.id(), step.position(), step.name(), false);
        try (Telemetry.Scope scope = trace.activate()) {
            return awaitExecution(step);
        } catch (StepFailedException e) {
            trace.failed(e.getCause());
            throw e;
        } catch (RuntimeException | Error e) {
            trace.failed(e);
            throw e;
        } finally {
            trace.end();
        }
    }

    private StepResult awaitExecution(SagaStepModel step) {
        CompletionStage<StepResult> stage;
        try {
            stage = step.guard().execute(step.step(), StepContext.execution(saga, step));
        } catch (Exception | LinkageError | AssertionError e) {
            throw new StepFailedException(e);
        }
        if (stage == null) {
            throw new StepFailedException(new AllFrameException(SagaMessages.nullStepStage(step.site())));
        }
        CompletableFuture<StepResult> result = new CompletableFuture<>();
        stage.whenComplete((value, error) -> {
            if (error != null) {
                result.completeExceptionally(error);
            } else {
                result.complete(value == null ? StepResult.none() : value);
            }
        });
        try {
            return result.get();
        } catch (ExecutionException e) {
            throw new StepFailedException(StepFailures.unwrap(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunAbortedException(SagaMessages.sagaInterrupted(saga.saga(), saga.id()), e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** The thread running the saga was interrupted: the saga stays unfinished, for recovery. */
    private static final class RunAbortedException extends AllFrameException {

        RunAbortedException(AllFrameMessage message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Carries why a step's execution failed through the run, apart from the run's own failures. */
    private static final class StepFailedException extends RuntimeException {

        StepFailedException(Throwable cause) {
            super(cause);
        }
    }
}
