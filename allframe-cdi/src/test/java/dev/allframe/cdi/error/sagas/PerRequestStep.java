package dev.allframe.cdi.error.sagas;

import dev.allframe.saga.SagaContext;
import dev.allframe.saga.SagaStep;
import dev.allframe.saga.Step;
import dev.allframe.saga.StepResult;
import jakarta.enterprise.context.RequestScoped;
import java.util.concurrent.CompletionStage;

@RequestScoped
@SagaStep(saga = "ship", order = 4)
public class PerRequestStep implements Step<String> {

    @Override
    public CompletionStage<StepResult> execute(SagaContext<String> context) {
        return StepResult.done();
    }

    @Override
    public void compensate(SagaContext<String> context) {
    }
}
