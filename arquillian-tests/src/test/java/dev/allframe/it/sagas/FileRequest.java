package dev.allframe.it.sagas;

import dev.allframe.saga.SagaContext;
import dev.allframe.saga.SagaStep;
import dev.allframe.saga.Step;
import dev.allframe.saga.StepResult;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;

@SagaStep(saga = "approval", order = 1)
public class FileRequest implements Step<String> {

    @Inject
    Journal journal;

    @Override
    public CompletionStage<StepResult> execute(SagaContext<String> context) {
        journal.record(context.input(), "file request");
        return StepResult.done();
    }

    @Override
    public void compensate(SagaContext<String> context) {
        journal.record(context.input(), "cancel request");
    }
}
