package dev.allframe.it.sagas;

import dev.allframe.saga.SagaContext;
import dev.allframe.saga.SagaStep;
import dev.allframe.saga.Step;
import dev.allframe.saga.StepResult;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;

/**
 * Blocks until the gate opens, ignoring interrupts. Its own timeout is a minute; the WAR's
 * microprofile-config.properties sets {@code dev.allframe.it.sagas.AwaitCourier/execute/Timeout/value} to 800.
 */
@SagaStep(saga = "courier", order = 1, timeout = "1m")
public class AwaitCourier implements Step<String> {

    @Inject
    Journal journal;

    @Inject
    Gate gate;

    @Override
    public CompletionStage<StepResult> execute(SagaContext<String> context) {
        journal.record(context.input(), "await courier");
        gate.passIgnoringInterrupts();
        return StepResult.done();
    }

    @Override
    public void compensate(SagaContext<String> context) {
        journal.record(context.input(), "cancel courier");
    }
}
