package dev.allframe.cdi.error.phases;

import dev.allframe.saga.SagaContext;
import dev.allframe.saga.Step;
import dev.allframe.saga.StepResult;
import java.util.concurrent.CompletionStage;

/** A step that does nothing, for definitions that are never run. */
public class Nothing implements Step<String> {

    @Override
    public CompletionStage<StepResult> execute(SagaContext<String> context) {
        return StepResult.done();
    }

    @Override
    public void compensate(SagaContext<String> context) {
    }
}
