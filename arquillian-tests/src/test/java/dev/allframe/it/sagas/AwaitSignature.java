package dev.allframe.it.sagas;

import dev.allframe.saga.SagaContext;
import dev.allframe.saga.SagaStep;
import dev.allframe.saga.Step;
import dev.allframe.saga.StepResult;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Blocks until the gate opens, ignoring interrupts. Its class file carries Fault Tolerance annotations of its
 * own, which Liberty honours: their 600 ms end it before its step timeout of a minute.
 */
@SagaStep(saga = "signature", order = 1, timeout = "1m")
public class AwaitSignature implements Step<String> {

    @Inject
    Journal journal;

    @Inject
    Gate gate;

    @Override
    @Asynchronous
    @Timeout(600)
    public CompletionStage<StepResult> execute(SagaContext<String> context) {
        journal.record(context.input(), "await signature");
        gate.passIgnoringInterrupts();
        return StepResult.done();
    }

    @Override
    public void compensate(SagaContext<String> context) {
        journal.record(context.input(), "void contract");
    }
}
