package dev.allframe.cdi.features.sagathreads;

import dev.allframe.saga.SagaContext;
import dev.allframe.saga.SagaStep;
import dev.allframe.saga.Step;
import dev.allframe.saga.StepResult;
import java.util.concurrent.CompletionStage;

@SagaStep(saga = "ping", order = 1)
public class Ping implements Step<String> {

    /** The thread the last execution ran on. */
    static volatile String thread;

    @Override
    public CompletionStage<StepResult> execute(SagaContext<String> context) {
        thread = Thread.currentThread().getName();
        return StepResult.done();
    }

    @Override
    public void compensate(SagaContext<String> context) {
    }
}
