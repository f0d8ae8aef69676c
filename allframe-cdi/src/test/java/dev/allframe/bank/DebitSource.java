package dev.allframe.bank;

import dev.allframe.command.CommandBus;
import dev.allframe.saga.SagaContext;
import dev.allframe.saga.SagaStep;
import dev.allframe.saga.Step;
import dev.allframe.saga.StepResult;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;

/** The README's first transfer step. */
@SagaStep(saga = "transfer", order = 1)
public class DebitSource implements Step<Transfer> {

    @Inject
    CommandBus bus;

    @Override
    public CompletionStage<StepResult> execute(SagaContext<Transfer> context) {
        Transfer t = context.input();
        bus.dispatch(new Withdraw(t.from(), t.amount()), context.commandOptions());
        return StepResult.done();
    }

    @Override
    public void compensate(SagaContext<Transfer> context) {
        Transfer t = context.input();
        bus.dispatch(new Deposit(t.from(), t.amount()), context.commandOptions());
    }
}
