package dev.allframe.jpa.saga;

import dev.allframe.saga.SagaExecution;
import dev.allframe.saga.SagaOrchestrator;
import dev.allframe.saga.SagaState;
import jakarta.persistence.Persistence;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * A server of the shipment application on a PostgreSQL database that other servers share:
 * {@code SagaNode <jdbc url> <node name> <how long shipping takes, or hang> [start]}, configured with system
 * properties ({@code -Dallframe.event-store=jpa -Dallframe.saga.lease=1s}). It prints {@code STARTED <node>} once
 * its container runs. With {@code start}, it starts a shipment, prints {@code SHIPPING <saga id>} once the shipping
 * step runs and {@code OUTCOME <saga id> <state>} when the saga ends here; without, it only takes part in recovery.
 */
public final class SagaNode {

    private SagaNode() {
    }

    public static void main(String[] args) throws Exception {
        SagaDatabase.factory = Persistence.createEntityManagerFactory("allframe-test",
                Map.of("jakarta.persistence.jdbc.url", args[0], "hibernate.connection.pool_size", "4"));
        ShipGoods.hang = args[2].equals("hang");
        ShipGoods.takes = ShipGoods.hang ? Duration.ZERO : Duration.parse(args[2]);
        WeldContainer container = SagaContainers.shipments().initialize();
        Runtime.getRuntime().addShutdownHook(new Thread(container::shutdown));
        print("STARTED " + args[1]);
        if (args.length > 3 && args[3].equals("start")) {
            SagaOrchestrator sagas = container.select(SagaOrchestrator.class).get();
            SagaExecution execution = sagas.startAsync("shipment", new Transfer("A", "B", 7));
            execution.outcome().whenComplete((outcome, error) -> print("OUTCOME " + execution.sagaId() + " "
                    + (error == null ? outcome.state() : error)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline && sagas.status(execution.sagaId())
                    .filter(status -> status.state() == SagaState.RUNNING && status.currentStep() == 2).isEmpty()
                    && sagas.status(execution.sagaId()).map(status -> status.state().unfinished()).orElse(true)) {
                Thread.sleep(10);
            }
            print("SHIPPING " + execution.sagaId());
        }
        Thread.sleep(Duration.ofMinutes(10).toMillis());
    }

    private static synchronized void print(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
