package dev.allframe.bank;

import dev.allframe.command.CommandBus;
import dev.allframe.command.CommandRejectedException;
import dev.allframe.saga.SagaContext;
import dev.allframe.saga.SagaStep;
import dev.allframe.saga.Step;
import dev.allframe.saga.StepResult;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;

/** The README's second transfer step. */
@SagaStep(saga = "transfer", order = 2, timeout = "10s")
public class CreditTarget implements Step<Transfer> {

    @Inject
    CommandBus bus;

    @Override
    public CompletionStage<StepResult> execute(SagaContext<Transfer> context) {
        Transfer t = context.input();
        bus.dispatch(new Deposit(t.to(), t.amount()), context.commandOptions());
        return StepResult.done();
    }

    @Override
    public void compensate(SagaContext<Transfer> context) {
        Transfer t = context.input();
        try {
            bus.dispatch(new Withdraw(t.to(), t.amount()), context.commandOptions());
        } catch (CommandRejectedException noAccount) {
            // the deposit was refused: nothing to take back
        }
    }
}
