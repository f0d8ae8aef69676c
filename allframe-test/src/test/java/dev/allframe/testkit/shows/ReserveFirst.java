package dev.allframe.testkit.shows;

import dev.allframe.command.CommandBus;
import dev.allframe.saga.SagaContext;
import dev.allframe.saga.SagaStep;
import dev.allframe.saga.Step;
import dev.allframe.saga.StepResult;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;

@SagaStep(saga = Tour.SAGA, order = 1)
public class ReserveFirst implements Step<Tour> {

    @Inject
    CommandBus commands;

    @Override
    public CompletionStage<StepResult> execute(SagaContext<Tour> context) {
        commands.dispatch(new Reserve(context.input().first(), context.input().guest()), context.commandOptions());
        return StepResult.done();
    }

    @Override
    public void compensate(SagaContext<Tour> context) {
        if (context.executionStored()) {
            commands.dispatch(new Cancel(context.input().first(), context.input().guest()), context.commandOptions());
        }
    }
}
