package dev.allframe.cdi.features.sagas;

import dev.allframe.saga.SagaContext;
import dev.allframe.saga.SagaStep;
import dev.allframe.saga.Step;
import dev.allframe.saga.StepResult;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;

@SagaStep(saga = "transfer", order = 10, name = "reserve")
public class Reserve implements Step<Transfer> {

    @Inject
    Script script;

    @Override
    public CompletionStage<StepResult> execute(SagaContext<Transfer> context) {
        script.record("reserve " + context.input().amount());
        return StepResult.output("R-" + context.input().from()).stage();
    }

    @Override
    public void compensate(SagaContext<Transfer> context) {
        script.record("release " + context.output("reserve", String.class).orElseThrow());
    }
}
