package dev.allframe.jpa.saga;

import dev.allframe.command.CommandBus;
import dev.allframe.saga.SagaContext;
import dev.allframe.saga.SagaStep;
import dev.allframe.saga.Step;
import dev.allframe.saga.StepResult;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;

@SagaStep(saga = "shipment", order = 1)
public class HoldFunds implements Step<Transfer> {

    @Inject
    CommandBus bus;

    @Override
    public CompletionStage<StepResult> execute(SagaContext<Transfer> context) {
        Transfer transfer = context.input();
        bus.dispatch(new Hold(transfer.from(), transfer.amount()), context.commandOptions());
        return StepResult.output(new Receipt(transfer.from(), transfer.amount())).stage();
    }

    @Override
    public void compensate(SagaContext<Transfer> context) {
        Receipt receipt = context.output("HoldFunds", Receipt.class).orElseThrow();
        bus.dispatch(new Release(receipt.account(), receipt.amount()), context.commandOptions());
    }
}
