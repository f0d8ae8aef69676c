package dev.allframe.jpa.saga;

import dev.allframe.saga.SagaExecution;
import dev.allframe.saga.SagaOrchestrator;
import dev.allframe.saga.SagaState;
import dev.allframe.saga.SagaStatus;
import jakarta.persistence.Persistence;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * A process to be killed in the middle of a saga: {@code SagaProcess <jdbc url>} starts a shipment whose
 * second step never ends, prints {@code RUNNING <saga id>} once that step runs, and waits to be killed.
 * Configure it with system properties ({@code -Dallframe.event-store=jpa}).
 */
public final class SagaProcess {

    private SagaProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        SagaDatabase.factory = Persistence.createEntityManagerFactory("allframe-test",
                Map.of("jakarta.persistence.jdbc.url", args[0], "hibernate.connection.pool_size", "4"));
        ShipGoods.hang = true;
        WeldContainer container = SagaContainers.shipments().initialize();
        SagaOrchestrator sagas = container.select(SagaOrchestrator.class).get();
        SagaExecution execution = sagas.startAsync("shipment", new Transfer("A", "B", 7));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Optional<SagaStatus> status = sagas.status(execution.sagaId());
            if (status.filter(s -> s.state() == SagaState.RUNNING && s.currentStep() == 2).isPresent()) {
                System.out.println("RUNNING " + execution.sagaId());
                System.out.flush();
                Thread.sleep(TimeUnit.MINUTES.toMillis(10));
            }
            Thread.sleep(20);
        }
        System.exit(3);
    }
}
