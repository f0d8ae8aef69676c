package dev.allframe.liberty.feature.flow;

import dev.allframe.saga.SagaContext;
import dev.allframe.saga.SagaStep;
import dev.allframe.saga.Step;
import dev.allframe.saga.StepResult;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;

@SagaStep(saga = "fulfil", order = 2)
public class Ship implements Step<Fulfilment> {

    @Inject
    Journal journal;

    @Override
    public CompletionStage<StepResult> execute(SagaContext<Fulfilment> context) {
        if (!context.input().courierAvailable()) {
            throw new IllegalStateException("no courier for " + context.input().order());
        }
        journal.record(context.input().order(), "shipped");
        return StepResult.done();
    }

    @Override
    public void compensate(SagaContext<Fulfilment> context) {
        journal.record(context.input().order(), "recalled");
    }
}
