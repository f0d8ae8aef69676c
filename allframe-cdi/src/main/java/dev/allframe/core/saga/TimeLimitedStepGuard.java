package dev.allframe.core.saga;

import static java.util.Objects.requireNonNull;

import dev.allframe.SagaContext;
import dev.allframe.Step;
import dev.allframe.StepResult;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Runs a step's execution on an executor and stops waiting for it after a timeout, with a
 * {@link java.util.concurrent.TimeoutException}. Guards steps that are not CDI beans (programmatic
 * definitions) and the core's own tests.
 */
public final class TimeLimitedStepGuard implements StepGuard {

    private final Executor executor;
    private final Duration timeout;

    public TimeLimitedStepGuard(Executor executor, Duration timeout) {
        this.executor = requireNonNull(executor, "executor");
        this.timeout = requireNonNull(timeout, "timeout");
    }

    @Override
    public CompletionStage<StepResult> execute(Step<Object> step, SagaContext<Object> context) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return step.execute(context);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, executor).thenCompose(stage -> stage).toCompletableFuture()
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public Duration timeout() {
        return timeout;
    }
}
