package dev.allframe.sample.bank;

import dev.allframe.command.CommandBus;
import dev.allframe.saga.SagaContext;
import dev.allframe.saga.SagaStep;
import dev.allframe.saga.Step;
import dev.allframe.saga.StepResult;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;

/**
 * The transfer's second step: puts the money into the target account, which must exist. It is compensated only
 * when it failed itself; it then takes the money back if the deposit was stored all the same (stored before the
 * saga gave up on it; one that outlasts the compensation is refused), with the compensation's idempotency key.
 */
@SagaStep(saga = Transfer.SAGA, order = 2)
public class CreditTarget implements Step<Transfer> {

    @Inject
    CommandBus commands;

    @Override
    public CompletionStage<StepResult> execute(SagaContext<Transfer> context) {
        Transfer transfer = context.input();
        commands.dispatch(new Deposit(transfer.to(), transfer.amount()), context.commandOptions());
        return StepResult.done();
    }

    @Override
    public void compensate(SagaContext<Transfer> context) {
        if (context.executionStored()) {
            Transfer transfer = context.input();
            commands.dispatch(new Withdraw(transfer.to(), transfer.amount()), context.commandOptions());
        }
    }
}
