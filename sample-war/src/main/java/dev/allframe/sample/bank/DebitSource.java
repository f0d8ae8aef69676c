package dev.allframe.sample.bank;

import dev.allframe.command.CommandBus;
import dev.allframe.saga.SagaContext;
import dev.allframe.saga.SagaStep;
import dev.allframe.saga.Step;
import dev.allframe.saga.StepResult;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;

/**
 * The transfer's first step: takes the money out of the source account, if its balance covers it. Undone by
 * depositing it back, when the withdrawal was stored; the compensation's idempotency key makes a repeated
 * compensation deposit once.
 */
@SagaStep(saga = Transfer.SAGA, order = 1)
public class DebitSource implements Step<Transfer> {

    @Inject
    CommandBus commands;

    @Override
    public CompletionStage<StepResult> execute(SagaContext<Transfer> context) {
        Transfer transfer = context.input();
        commands.dispatch(new Withdraw(transfer.from(), transfer.amount()), context.commandOptions());
        return StepResult.done();
    }

    @Override
    public void compensate(SagaContext<Transfer> context) {
        if (context.executionStored()) {
            Transfer transfer = context.input();
            commands.dispatch(new Deposit(transfer.from(), transfer.amount()), context.commandOptions());
        }
    }
}
