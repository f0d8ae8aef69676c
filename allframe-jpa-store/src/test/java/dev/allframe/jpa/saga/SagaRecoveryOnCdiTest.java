package dev.allframe.jpa.saga;

import dev.allframe.core.EventIds;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.jpa.JpaEventStore;
import dev.allframe.jpa.TestDatabase;
import dev.allframe.saga.SagaLogEntry.Action;
import dev.allframe.saga.SagaLogEntry.Result;
import dev.allframe.saga.SagaLogEntry;
import dev.allframe.saga.SagaOrchestrator;
import dev.allframe.saga.SagaState;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.EventStore;
import dev.allframe.spi.event.NewEvent;
import dev.allframe.spi.saga.SagaRecord;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/**
 * A container on H2 finds a shipment a dead process left in its second step, as the crash test's child
 * leaves it, and compensates it from there.
 */
class SagaRecoveryOnCdiTest {

    @Test
    void aSagaLeftRunningIsCompensatedWhenTheApplicationStarts() throws Exception {
        JpaEventStore store = TestDatabase.H2.freshStore(EventTypeRegistry.of(List.of(Held.class)));
        UUID id = EventIds.next();
        Instant then = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MICROS);
        store.append("A", AppendCondition.any(), List.of(new NewEvent(EventIds.next(), "Held", 1, new Held("A", 7),
                id.toString(), id.toString(), Map.of())));
        SagaRecord left = new SagaRecord(id, "shipment", SagaState.RUNNING, 2, 3, new Transfer("A", "B", 7),
                Map.of("HoldFunds", new Receipt("A", 7)), 0, null, "dead-process", then.plusSeconds(1), then, then);
        store.save(left, new SagaLogEntry(1, 1, "HoldFunds", Action.EXECUTE, Result.SUCCEEDED, null, then, then));
        store.save(left, new SagaLogEntry(2, 2, "ShipGoods", Action.EXECUTE, Result.STARTED, null, then, null));

        SagaDatabase.factory = TestDatabase.H2.factory();
        SagaContainers.withConfig(Map.of("allframe.event-store", "jpa"), () -> {
            try (WeldContainer container = SagaContainers.shipments().initialize()) {
                ShipmentHistory.assertCompensatedFromStepTwo(container.select(SagaOrchestrator.class).get(),
                        container.select(EventStore.class).get(), id);
            }
            return null;
        });
    }
}
