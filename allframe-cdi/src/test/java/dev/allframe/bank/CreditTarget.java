package dev.allframe.bank;

import dev.allframe.CommandBus;
import dev.allframe.CommandRejectedException;
import dev.allframe.SagaContext;
import dev.allframe.SagaStep;
import dev.allframe.Step;
import dev.allframe.StepResult;
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
