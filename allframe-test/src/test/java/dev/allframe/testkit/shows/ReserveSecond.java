package dev.allframe.testkit.shows;

import dev.allframe.command.CommandBus;
import dev.allframe.saga.SagaContext;
import dev.allframe.saga.SagaStep;
import dev.allframe.saga.Step;
import dev.allframe.saga.StepResult;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;

@SagaStep(saga = Tour.SAGA, order = 2)
public class ReserveSecond implements Step<Tour> {

    @Inject
    CommandBus commands;

    @Override
    public CompletionStage<StepResult> execute(SagaContext<Tour> context) {
        commands.dispatch(new Reserve(context.input().second(), context.input().guest()), context.commandOptions());
        return StepResult.done();
    }

    @Override
    public void compensate(SagaContext<Tour> context) {
        if (context.executionStored()) {
            commands.dispatch(new Cancel(context.input().second(), context.input().guest()), context.commandOptions());
        }
    }
}
