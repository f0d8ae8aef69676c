package dev.allframe.jpa.saga;

import dev.allframe.command.CommandBus;
import dev.allframe.saga.SagaContext;
import dev.allframe.saga.SagaStep;
import dev.allframe.saga.Step;
import dev.allframe.saga.StepResult;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.locks.LockSupport;

@SagaStep(saga = "shipment", order = 2, timeout = "10m")
public class ShipGoods implements Step<Transfer> {

    /** Set in the process that is to be killed while it ships. */
    static volatile boolean hang;
    /** How long shipping takes. */
    static volatile Duration takes = Duration.ZERO;

    @Inject
    CommandBus bus;

    @Override
    public CompletionStage<StepResult> execute(SagaContext<Transfer> context) {
        while (hang) {
            LockSupport.parkNanos(1_000_000_000L);
        }
        long until = System.nanoTime() + takes.toNanos();
        for (long left = takes.toNanos(); left > 0; left = until - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
        return StepResult.done();
    }

    @Override
    public void compensate(SagaContext<Transfer> context) {
        bus.dispatch(new Cancel("shipment-" + context.input().to()), context.commandOptions());
    }
}
