package dev.allframe.cdi.features.sagas;

import dev.allframe.command.CommandBus;
import dev.allframe.saga.SagaContext;
import dev.allframe.saga.SagaStep;
import dev.allframe.saga.Step;
import dev.allframe.saga.StepResult;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;

@SagaStep(saga = "transfer", order = 20)
public class Debit implements Step<Transfer> {

    @Inject
    Script script;

    @Inject
    CommandBus bus;

    @Override
    public CompletionStage<StepResult> execute(SagaContext<Transfer> context) {
        if (script.debitBlocks()) {
            script.blockIgnoringInterrupts();
        }
        Transfer transfer = context.input();
        bus.dispatch(new Post(transfer.from(), -transfer.amount()), context.commandOptions());
        script.record("debit " + transfer.from() + " after " + context.output("reserve", String.class).orElseThrow());
        return StepResult.done();
    }

    @Override
    public void compensate(SagaContext<Transfer> context) {
        script.record("refund " + context.input().from());
        if (script.debitCompensationFails()) {
            throw new IllegalStateException("the ledger is closed");
        }
        Transfer transfer = context.input();
        bus.dispatch(new Post(transfer.from(), transfer.amount()), context.commandOptions());
    }
}
