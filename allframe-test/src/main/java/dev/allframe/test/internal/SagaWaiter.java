package dev.allframe.test.internal;

import dev.allframe.saga.SagaExecution;
import dev.allframe.saga.SagaOutcome;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for a saga's outcome. On manual time, while a step hangs, it lets the test's time pass to the timer's next
 * task until the hang's timeout has come; the guard, in real time, only keeps a saga that never ends (one waiting
 * for time the test did not give it, say) from holding the build.
 */
public final class SagaWaiter {

    private static final long LOOK_EVERY_MILLIS = 10;

    private SagaWaiter() {
    }

    public static SagaOutcome await(SagaExecution execution, StepDoubles steps, ManualTime time, Duration guard) {
        CompletableFuture<SagaOutcome> outcome = execution.outcome().toCompletableFuture();
        long deadline = System.nanoTime() + guard.toNanos();
        while (true) {
            try {
                return outcome.get(LOOK_EVERY_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillRunning) {
                if (System.nanoTime() - deadline >= 0) {
                    throw new AssertionError(TestKitMessages.sagaNotEnded(execution.sagaId().toString(),
                            guard.toString()).toString());
                }
                if (time != null && steps.anyHanging()) {
                    time.advanceToNextTask();
                }
            } catch (ExecutionException e) {
                throw new AssertionError(TestKitMessages.sagaFailed(execution.sagaId().toString(),
                        e.getCause().toString()).toString(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(TestKitMessages.sagaNotEnded(execution.sagaId().toString(), "interrupted")
                        .toString(), e);
            }
        }
    }
}
