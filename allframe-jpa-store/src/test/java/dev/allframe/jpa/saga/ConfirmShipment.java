package dev.allframe.jpa.saga;

import dev.allframe.saga.SagaContext;
import dev.allframe.saga.SagaStep;
import dev.allframe.saga.Step;
import dev.allframe.saga.StepResult;
import java.util.concurrent.CompletionStage;

@SagaStep(saga = "shipment", order = 3)
public class ConfirmShipment implements Step<Transfer> {

    @Override
    public CompletionStage<StepResult> execute(SagaContext<Transfer> context) {
        return StepResult.done();
    }

    @Override
    public void compensate(SagaContext<Transfer> context) {
    }
}
