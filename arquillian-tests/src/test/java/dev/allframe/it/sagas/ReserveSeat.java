package dev.allframe.it.sagas;

import dev.allframe.saga.SagaContext;
import dev.allframe.saga.SagaStep;
import dev.allframe.saga.Step;
import dev.allframe.saga.StepResult;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;

@SagaStep(saga = "booking", order = 1)
public class ReserveSeat implements Step<Booking> {

    @Inject
    Journal journal;

    @Override
    public CompletionStage<StepResult> execute(SagaContext<Booking> context) {
        journal.record(context.input().id(), "reserve seat");
        return StepResult.output("seat-" + context.input().id()).stage();
    }

    @Override
    public void compensate(SagaContext<Booking> context) {
        journal.record(context.input().id(), "release " + context.output("ReserveSeat", String.class).orElseThrow());
    }
}
