package dev.allframe.cdi.features.sagas;

import dev.allframe.saga.SagaContext;
import dev.allframe.saga.SagaStep;
import dev.allframe.saga.Step;
import dev.allframe.saga.StepResult;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;

@SagaStep(saga = "transfer", order = 30, timeout = "400ms")
public class Credit implements Step<Transfer> {

    @Inject
    Script script;

    @Override
    public CompletionStage<StepResult> execute(SagaContext<Transfer> context) {
        int attempt = script.nextCreditAttempt();
        script.record("credit " + context.input().to() + " attempt " + attempt);
        if (script.creditBlocks()) {
            script.blockIgnoringInterrupts();
        }
        if (attempt <= script.creditFailures()) {
            throw new IllegalStateException("account " + context.input().to() + " is busy");
        }
        Transfer transfer = context.input();
        return StepResult.none().append(transfer.to(), new Posted(transfer.to(), transfer.amount())).stage();
    }

    @Override
    public void compensate(SagaContext<Transfer> context) {
        script.record("take back " + context.input().to() + " " + context.idempotencyKey().endsWith(":3:compensate"));
    }
}
