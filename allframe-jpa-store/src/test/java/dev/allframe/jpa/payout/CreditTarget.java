package dev.allframe.jpa.payout;

import dev.allframe.command.CommandBus;
import dev.allframe.saga.SagaContext;
import dev.allframe.saga.SagaStep;
import dev.allframe.saga.Step;
import dev.allframe.saga.StepResult;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;

@SagaStep(saga = "payout", order = 2)
public class CreditTarget implements Step<Payout> {

    @Inject
    CommandBus commands;

    @Override
    public CompletionStage<StepResult> execute(SagaContext<Payout> context) {
        Payout payout = context.input();
        commands.dispatch(new Deposit(payout.to(), payout.amount()), context.commandOptions());
        return StepResult.done();
    }

    @Override
    public void compensate(SagaContext<Payout> context) {
        Payout payout = context.input();
        commands.dispatch(new Withdraw(payout.to(), payout.amount()), context.commandOptions());
    }
}
