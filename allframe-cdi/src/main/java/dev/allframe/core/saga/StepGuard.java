package dev.allframe.core.saga;

import dev.allframe.SagaContext;
import dev.allframe.Step;
import dev.allframe.StepResult;
import java.util.concurrent.CompletionStage;

/**
 * Runs one execution of a step so that the saga waits no longer than the step's timeout, even when the
 * step blocks and ignores interrupts: the stage fails with a timeout then, whatever the step's thread
 * still does. {@link BoundedStepGuard} does it for every step, in a CDI container or without one.
 */
@FunctionalInterface
public interface StepGuard {

    CompletionStage<StepResult> execute(Step<Object> step, SagaContext<Object> context) throws Exception;
}
