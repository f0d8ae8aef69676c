package dev.allframe.jpa.saga;

import dev.allframe.SagaContext;
import dev.allframe.SagaStep;
import dev.allframe.Step;
import dev.allframe.StepResult;
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
