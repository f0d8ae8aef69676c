package dev.allframe.cdi.error.sagastart;

import dev.allframe.SagaContext;
import dev.allframe.SagaStep;
import dev.allframe.Step;
import dev.allframe.StepResult;
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
