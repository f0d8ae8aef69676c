package dev.allframe.it.sagas;

import dev.allframe.saga.SagaContext;
import dev.allframe.saga.SagaStep;
import dev.allframe.saga.Step;
import dev.allframe.saga.StepResult;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;

/** Blocks until the gate opens, ignoring interrupts: only its timeout of half a second ends it. */
@SagaStep(saga = "approval", order = 2, timeout = "500ms")
public class AwaitApproval implements Step<String> {

    @Inject
    Journal journal;

    @Inject
    Gate gate;

    @Override
    public CompletionStage<StepResult> execute(SagaContext<String> context) {
        journal.record(context.input(), "await approval");
        gate.passIgnoringInterrupts();
        journal.record(context.input(), "approval came too late");
        return StepResult.done();
    }

    @Override
    public void compensate(SagaContext<String> context) {
        journal.record(context.input(), "withdraw approval request");
    }
}
