package dev.allframe.cdi.error.sagastart;

import dev.allframe.saga.SagaContext;
import dev.allframe.saga.SagaStep;
import dev.allframe.saga.Step;
import dev.allframe.saga.StepResult;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Timeout;

/** A step whose class file carries its own Fault Tolerance annotations. */
@SagaStep(saga = "refund", order = 2)
public class GuardedRefund implements Step<String> {

    @Override
    @Asynchronous
    @Timeout(2_000)
    public CompletionStage<StepResult> execute(SagaContext<String> context) {
        return StepResult.done();
    }

    @Override
    public void compensate(SagaContext<String> context) {
    }
}
