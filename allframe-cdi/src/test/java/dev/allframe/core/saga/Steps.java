package dev.allframe.core.saga;

import dev.allframe.saga.SagaContext;
import dev.allframe.saga.Step;
import dev.allframe.saga.StepResult;
import java.util.concurrent.CompletionStage;

/** Steps for tests, made of their execution alone: their compensation does nothing. */
final class Steps {

    private Steps() {
    }

    /** What a step does when it executes. */
    @FunctionalInterface
    interface Execution<I> {
        CompletionStage<StepResult> execute(SagaContext<I> context) throws Exception;
    }

    static <I> Step<I> step(Execution<I> execution) {
        return new Step<>() {
            @Override
            public CompletionStage<StepResult> execute(SagaContext<I> context) throws Exception {
                return execution.execute(context);
            }

            @Override
            public void compensate(SagaContext<I> context) {
            }
        };
    }
}
