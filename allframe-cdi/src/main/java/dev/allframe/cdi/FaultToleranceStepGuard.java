package dev.allframe.cdi;

import dev.allframe.SagaContext;
import dev.allframe.Step;
import dev.allframe.StepResult;
import dev.allframe.core.saga.StepGuard;
import java.util.concurrent.CompletionStage;

/**
 * Guards a {@code @SagaStep} bean with MicroProfile Fault Tolerance: the step is its contextual reference,
 * whose {@code execute} the Fault Tolerance interceptor runs asynchronously under the step's
 * {@code @Timeout} and {@code @Retry} (see {@link FaultToleranceSteps}). The stage it returns fails with
 * Fault Tolerance's {@code TimeoutException} when the step overruns, whatever its thread still does.
 */
final class FaultToleranceStepGuard implements StepGuard {

    static final FaultToleranceStepGuard INSTANCE = new FaultToleranceStepGuard();

    private FaultToleranceStepGuard() {
    }

    @Override
    public CompletionStage<StepResult> execute(Step<Object> step, SagaContext<Object> context) throws Exception {
        return step.execute(context);
    }
}
