package dev.allframe.jpa.payout;

import dev.allframe.command.CommandBus;
import dev.allframe.saga.SagaContext;
import dev.allframe.saga.SagaStep;
import dev.allframe.saga.Step;
import dev.allframe.saga.StepResult;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Takes the money out; its compensation pays it back when the withdrawal was stored. */
@SagaStep(saga = "payout", order = 1, timeout = "300ms")
public class DebitSource implements Step<Payout> {

    /** How the execution's dispatch ended, on the thread that ran it, however late. */
    static volatile CompletableFuture<Object> dispatched = new CompletableFuture<>();

    @Inject
    CommandBus commands;

    @Override
    public CompletionStage<StepResult> execute(SagaContext<Payout> context) {
        Payout payout = context.input();
        try {
            dispatched.complete(commands.dispatch(new Withdraw(payout.from(), payout.amount()),
                    context.commandOptions()));
        } catch (RuntimeException | Error e) {
            dispatched.complete(e);
            throw e;
        }
        return StepResult.done();
    }

    @Override
    public void compensate(SagaContext<Payout> context) {
        if (context.executionStored()) {
            Payout payout = context.input();
            commands.dispatch(new Deposit(payout.from(), payout.amount()), context.commandOptions());
        }
    }
}
