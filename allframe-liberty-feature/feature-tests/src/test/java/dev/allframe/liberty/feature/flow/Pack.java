package dev.allframe.liberty.feature.flow;

import dev.allframe.command.CommandBus;
import dev.allframe.saga.SagaContext;
import dev.allframe.saga.SagaStep;
import dev.allframe.saga.Step;
import dev.allframe.saga.StepResult;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;

/** Dispatches a command from a saga's thread: the feature runs steps on the server's managed executor. */
@SagaStep(saga = "fulfil", order = 1)
public class Pack implements Step<Fulfilment> {

    @Inject
    CommandBus commands;

    @Inject
    Journal journal;

    @Override
    public CompletionStage<StepResult> execute(SagaContext<Fulfilment> context) {
        commands.dispatch(new Place(context.input().order() + "-packing", 1), context.commandOptions());
        journal.record(context.input().order(), "packed");
        return StepResult.done();
    }

    @Override
    public void compensate(SagaContext<Fulfilment> context) {
        journal.record(context.input().order(), "unpacked");
    }
}
