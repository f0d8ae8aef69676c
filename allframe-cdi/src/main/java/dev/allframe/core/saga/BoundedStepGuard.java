package dev.allframe.core.saga;

import static java.util.Objects.requireNonNull;

import dev.allframe.AllFrameException;
import dev.allframe.AllFrameMessage;
import dev.allframe.core.message.SagaMessages;
import dev.allframe.core.work.Timer;
import dev.allframe.saga.SagaContext;
import dev.allframe.saga.Step;
import dev.allframe.saga.StepResult;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import java.util.function.LongFunction;

/**
 * Runs each attempt of a step's execution on an executor and stops waiting for it when its time is up,
 * with a {@link TimeoutException} ({@code AF1152}), whatever the step's thread still does: a step that
 * blocks and ignores interrupts is bounded too. The time counts from when the attempt is handed to the executor; an
 * attempt whose time is up before a thread took it never starts. The thread still in {@code execute} is interrupted then. A
 * failed or timed-out attempt is retried as its {@link StepPolicy} says. A compensation is bounded by the
 * same timeout ({@code AF1153}), and not retried: the saga records it as failed and compensates on. Whatever a step
 * throws, an {@link Error} too, ends its attempt at once as what it is; only exceptions are retried. An execution
 * whose stage ended within its task completes the returned stage there, marked for the saga to go on on that thread
 * ({@link StepThreads}).
 */
public final class BoundedStepGuard implements StepGuard {

    private final Executor executor;
    private final Timer timer;
    private final String site;
    private final StepPolicy policy;

    /**
     * @param executor where the step's attempts and compensation run
     * @param timer    when their time is up, and when a retry starts
     * @param site     how messages name the step: its class
     */
    public BoundedStepGuard(Executor executor, Timer timer, String site, StepPolicy policy) {
        this.executor = requireNonNull(executor, "executor");
        this.timer = requireNonNull(timer, "timer");
        this.site = requireNonNull(site, "site");
        this.policy = requireNonNull(policy, "policy");
    }

    @Override
    public CompletionStage<StepResult> execute(Step<Object> step, SagaContext<Object> context) {
        return attempt(step, context, 0);
    }

    @Override
    public void compensate(Step<Object> step, SagaContext<Object> context) throws Exception {
        CompletableFuture<Void> done = bounded(() -> {
            step.compensate(context);
            return CompletableFuture.completedFuture(null);
        }, millis -> SagaMessages.compensationTimedOut(site, millis));
        try {
            done.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new ExecutionException(cause);
        }
    }

    private CompletableFuture<StepResult> attempt(Step<Object> step, SagaContext<Object> context, int retries) {
        return once(step, context).handle((result, error) -> {
            if (error == null) {
                return CompletableFuture.completedFuture(result);
            }
            Throwable cause = StepFailures.unwrap(error);
            if (retries >= policy.maxRetries() || !(cause instanceof Exception)) {
                return CompletableFuture.<StepResult>failedFuture(cause);
            }
            CompletableFuture<Void> later = new CompletableFuture<>();
            timer.schedule(policy.retryDelay(), () -> later.complete(null));
            return later.thenCompose(ignored -> attempt(step, context, retries + 1));
        }).thenCompose(next -> next);
    }

    /** One attempt: its stage, failed with AF1152 when it has not completed within the timeout. */
    private CompletableFuture<StepResult> once(Step<Object> step, SagaContext<Object> context) {
        return bounded(() -> step.execute(context), millis -> SagaMessages.stepTimedOut(site, millis));
    }

    /**
     * Starts {@code work} on the executor; the stage it returns, failed with a {@link TimeoutException} saying
     * {@code timedOut} when it has not completed within the timeout, and then the thread still in {@code work}
     * is interrupted.
     */
    private <T> CompletableFuture<T> bounded(Work<T> work, LongFunction<AllFrameMessage> timedOut) {
        RunningThread running = new RunningThread();
        CompletableFuture<T> result = new CompletableFuture<>();
        long millis = policy.timeout().toMillis();
        Timer.Scheduled timeout = timer.schedule(policy.timeout(), () -> {
            if (result.completeExceptionally(new TimeoutException(timedOut.apply(millis).toString()))) {
                running.interrupt();
            }
        });
        executor.execute(() -> {
            if (!running.enter(result)) {
                return;
            }
            try {
                CompletionStage<T> stage = work.start();
                if (stage == null) {
                    timeout.cancel();
                    result.completeExceptionally(new AllFrameException(SagaMessages.nullStepStage(site)));
                } else {
                    Thread own = Thread.currentThread();
                    stage.whenComplete((value, error) -> {
                        timeout.cancel();
                        if (error != null) {
                            result.completeExceptionally(error);
                        } else if (Thread.currentThread() == own && running.isIn(own)) {
                            StepThreads.ending(() -> result.complete(value));
                        } else {
                            result.complete(value);
                        }
                    });
                }
            } catch (Throwable e) {
                timeout.cancel();
                result.completeExceptionally(e);
            } finally {
                running.leave();
            }
        });
        return result;
    }

    /** What runs bounded: a step's execution, or its compensation. */
    @FunctionalInterface
    private interface Work<T> {
        CompletionStage<T> start() throws Exception;
    }

    /** The thread in a step's {@code execute} or {@code compensate}, interrupted only while it is still there. */
    private static final class RunningThread {

        private Thread thread;

        /** Takes the work on this thread, unless its time was up before a thread took it: then it never starts. */
        synchronized boolean enter(CompletableFuture<?> result) {
            if (result.isDone()) {
                return false;
            }
            thread = Thread.currentThread();
            return true;
        }

        /** Whether {@code thread} is still in the work: the stage ended before its task returned. */
        synchronized boolean isIn(Thread thread) {
            return this.thread == thread;
        }

        synchronized void leave() {
            thread = null;
            Thread.interrupted();
        }

        synchronized void interrupt() {
            if (thread != null) {
                thread.interrupt();
            }
        }
    }
}
