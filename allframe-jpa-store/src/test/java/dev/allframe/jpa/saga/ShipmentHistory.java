package dev.allframe.jpa.saga;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.EventEnvelope;
import dev.allframe.saga.SagaLogEntry.Action;
import dev.allframe.saga.SagaLogEntry.Result;
import dev.allframe.saga.SagaLogEntry;
import dev.allframe.saga.SagaOrchestrator;
import dev.allframe.saga.SagaState;
import dev.allframe.saga.SagaStatus;
import dev.allframe.spi.event.EventStore;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.assertj.core.groups.Tuple;

/** What a shipment interrupted in its second step looks like once a new container compensated it. */
final class ShipmentHistory {

    private ShipmentHistory() {
    }

    static SagaStatus awaitEnd(SagaOrchestrator sagas, UUID id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            SagaStatus status = sagas.status(id).orElseThrow();
            if (!status.state().unfinished()) {
                return status;
            }
            assertThat(System.nanoTime()).as("saga %s ends; it is %s", id, status).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    static void assertCompensatedFromStepTwo(SagaOrchestrator sagas, EventStore store, UUID id) throws Exception {
        SagaStatus status = awaitEnd(sagas, id);
        String interrupted = "AF1142: Step 2 'ShipGoods' of saga 'shipment' (" + id
                + ") was running when its process stopped; the saga is compensated from this step";
        assertThat(status.state()).isEqualTo(SagaState.COMPENSATED);
        assertThat(status.failedStep()).isEqualTo(2);
        assertThat(status.failure()).isEqualTo(interrupted);
        assertThat(sagas.history(id)).extracting(SagaLogEntry::number, SagaLogEntry::step, SagaLogEntry::action,
                SagaLogEntry::result, SagaLogEntry::error).containsExactly(
                Tuple.tuple(1, 1, Action.EXECUTE, Result.SUCCEEDED, null),
                Tuple.tuple(2, 2, Action.EXECUTE, Result.INTERRUPTED, interrupted),
                Tuple.tuple(3, 2, Action.COMPENSATE, Result.SUCCEEDED, null),
                Tuple.tuple(4, 1, Action.COMPENSATE, Result.SUCCEEDED, null));
        assertThat(store.readStream("A", 1, 10)).extracting(EventEnvelope::event)
                .containsExactly(new Held("A", 7), new Released("A", 7));
        assertThat(store.readStream("shipment-B", 1, 10)).extracting(EventEnvelope::event)
                .containsExactly(new Cancelled("shipment-B"));
        assertThat(store.readStream("A", 1, 10)).extracting(EventEnvelope::correlationId)
                .containsOnly(id.toString());
    }
}
