package dev.allframe.core.saga;

import dev.allframe.saga.SagaContext;
import dev.allframe.saga.Step;
import dev.allframe.saga.StepResult;
import java.util.concurrent.CompletionStage;

/**
 * Runs a step's execution and its compensation so that the saga waits no longer than the step's timeout,
 * even when the step blocks and ignores interrupts: the execution's stage fails with a timeout then, and
 * the compensation throws one, whatever the step's thread still does. {@link BoundedStepGuard} does it for
 * every step, in a CDI container or without one.
 */
public interface StepGuard {

    CompletionStage<StepResult> execute(Step<Object> step, SagaContext<Object> context) throws Exception;

    /**
     * @throws java.util.concurrent.TimeoutException the compensation did not finish in time
     * @throws InterruptedException                  the calling thread was interrupted while it waited
     */
    void compensate(Step<Object> step, SagaContext<Object> context) throws Exception;
}
