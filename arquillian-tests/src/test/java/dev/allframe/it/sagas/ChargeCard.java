package dev.allframe.it.sagas;

import dev.allframe.saga.SagaContext;
import dev.allframe.saga.SagaStep;
import dev.allframe.saga.Step;
import dev.allframe.saga.StepResult;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;

@SagaStep(saga = "booking", order = 2)
public class ChargeCard implements Step<Booking> {

    @Inject
    Journal journal;

    @Override
    public CompletionStage<StepResult> execute(SagaContext<Booking> context) {
        Booking booking = context.input();
        journal.record(booking.id(), "charge card for " + context.output("ReserveSeat", String.class).orElseThrow());
        if (booking.cardDeclined()) {
            throw new IllegalStateException("card declined for " + booking.id());
        }
        return StepResult.done();
    }

    @Override
    public void compensate(SagaContext<Booking> context) {
        journal.record(context.input().id(), "refund card");
    }
}
