package com.example.library;

import dev.allframe.command.CommandBus;
import dev.allframe.saga.SagaContext;
import dev.allframe.saga.Step;
import dev.allframe.saga.StepResult;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;

/** A step lending one of the two books, and giving it back when the saga is undone. */
public abstract class LendOne implements Step<TwoBooks> {

    @Inject
    CommandBus commands;

    /** Which of the two books this step lends. */
    abstract String isbn(TwoBooks books);

    @Override
    public CompletionStage<StepResult> execute(SagaContext<TwoBooks> context) {
        commands.dispatch(new LibraryCommand.Lend(isbn(context.input()), context.input().reader()),
                context.commandOptions());
        return StepResult.done();
    }

    @Override
    public void compensate(SagaContext<TwoBooks> context) {
        if (context.executionStored()) {
            commands.dispatch(new LibraryCommand.GiveBack(isbn(context.input())), context.commandOptions());
        }
    }
}
