package com.example.library;

import dev.allframe.command.CommandBus;
import dev.allframe.saga.SagaContext;
import dev.allframe.saga.SagaStep;
import dev.allframe.saga.Step;
import dev.allframe.saga.StepResult;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;

@SagaStep(saga = "lend-two", order = 1)
public class LendFirst implements Step<TwoBooks> {

    @Inject
    CommandBus commands;

    @Override
    public CompletionStage<StepResult> execute(SagaContext<TwoBooks> context) {
        commands.dispatch(new LibraryCommand.Lend(context.input().first(), context.input().reader()),
                context.commandOptions());
        return StepResult.done();
    }

    @Override
    public void compensate(SagaContext<TwoBooks> context) {
        if (context.executionStored()) {
            commands.dispatch(new LibraryCommand.GiveBack(context.input().first()), context.commandOptions());
        }
    }
}
