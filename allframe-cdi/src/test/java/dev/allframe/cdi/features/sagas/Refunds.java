package dev.allframe.cdi.features.sagas;

import dev.allframe.saga.SagaContext;
import dev.allframe.saga.SagaDefinition;
import dev.allframe.saga.Step;
import dev.allframe.saga.StepResult;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/** A saga defined in code, produced as a bean. */
@Dependent
public class Refunds {

    @Produces
    SagaDefinition<Transfer> refund(Script script) {
        return SagaDefinition.<Transfer>named("refund")
                .step("note", new Noting(script, "note"))
                .step("wait", new Waiting(script), Duration.ofMillis(300));
    }

    record Noting(Script script, String name) implements Step<Transfer> {

        @Override
        public CompletionStage<StepResult> execute(SagaContext<Transfer> context) {
            script.record(name + " " + context.input().to());
            return StepResult.done();
        }

        @Override
        public void compensate(SagaContext<Transfer> context) {
            script.record("undo " + name);
        }
    }

    record Waiting(Script script) implements Step<Transfer> {

        @Override
        public CompletionStage<StepResult> execute(SagaContext<Transfer> context) {
            script.record("wait");
            script.blockIgnoringInterrupts();
            return StepResult.done();
        }

        @Override
        public void compensate(SagaContext<Transfer> context) {
            script.record("undo wait");
        }
    }
}
