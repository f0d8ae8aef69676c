package dev.allframe.cdi.features.capabilities;

import dev.allframe.command.CommandBus;
import dev.allframe.saga.SagaContext;
import dev.allframe.saga.SagaStep;
import dev.allframe.saga.Step;
import dev.allframe.saga.StepResult;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;

@SagaStep(saga = "ping-twice", order = 1)
public class PingTwice implements Step<String> {

    @Inject
    CommandBus bus;

    @Override
    public CompletionStage<StepResult> execute(SagaContext<String> context) {
        bus.dispatch(new Ping(context.input() + "-1"), context.commandOptions());
        bus.dispatch(new Ping(context.input() + "-2"));
        return StepResult.done();
    }

    @Override
    public void compensate(SagaContext<String> context) {
    }
}
