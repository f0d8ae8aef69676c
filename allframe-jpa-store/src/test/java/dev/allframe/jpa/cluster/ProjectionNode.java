package dev.allframe.jpa.cluster;

import dev.allframe.core.EventTypeRegistry;
import dev.allframe.core.Problems;
import dev.allframe.core.projection.BoundProjection;
import dev.allframe.core.projection.ProjectionEngine;
import dev.allframe.core.projection.ProjectionInspector;
import dev.allframe.core.projection.ProjectionInspector.ProjectionBean;
import dev.allframe.core.projection.ProjectionSettings;
import dev.allframe.core.work.Lane;
import dev.allframe.core.work.LaneWorkers;
import dev.allframe.jpa.JpaEventStore;
import dev.allframe.jpa.JsonbEventSerializer;
import dev.allframe.jpa.ResourceLocalTransactions;
import dev.allframe.jpa.projection.Credited;
import dev.allframe.jpa.projection.LedgerRows;
import dev.allframe.projection.FailurePolicy;
import dev.allframe.projection.ProjectionMode;
import dev.allframe.projection.ReadModel;
import dev.allframe.spi.StoreCapabilities;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A server running the async projection {@code ledger} (one row per credit in {@code test_ledger}, written in the
 * batch's transaction) on a PostgreSQL database that other servers share: {@code ProjectionNode <jdbc url> <node
 * name> <lease> [<segments> [<batch size> [<call>]]]}. It prints {@code STARTED <node>} once running, hears of the other
 * servers' commits through the database's notifications, and hands its projection over when stopped. With
 * {@code <call>} (a duration), each event also waits that long, as a call to another system would.
 */
public final class ProjectionNode {

    private ProjectionNode() {
    }

    public static void main(String[] args) throws InterruptedException {
        EntityManagerFactory factory = Persistence.createEntityManagerFactory("allframe-test",
                Map.of("jakarta.persistence.jdbc.url", args[0], "hibernate.connection.pool_size", "4"));
        JpaEventStore store = new JpaEventStore(new ResourceLocalTransactions(factory), new JsonbEventSerializer(),
                EventTypeRegistry.of(List.of(Credited.class)), Clock.systemUTC());
        LaneWorkers workers = LaneWorkers.own(Clock.systemUTC());
        Problems problems = new Problems();
        int segments = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        var model = ProjectionInspector.inspect(List.of(new ProjectionBean(LedgerRows.class, "ledger",
                ProjectionMode.ASYNC, ReadModel.STORED, FailurePolicy.STOP, segments)), problems).get(0);
        Duration call = args.length > 5 ? Duration.parse(args[5]) : Duration.ZERO;
        int batchSize = args.length > 4 ? Integer.parseInt(args[4]) : 50;
        ProjectionSettings settings = new ProjectionSettings(batchSize, Duration.ofMillis(50), 3, Duration.ofMillis(50),
                Duration.parse(args[2]), args[1]);
        ProjectionEngine engine = ProjectionEngine.create(StoreCapabilities.of(store), "the JPA store", settings,
                List.of(new BoundProjection(model, new LedgerRows(call))), workers.executor(Lane.PROJECTIONS),
                workers.executor(Lane.LISTENING), workers.timer(), Clock.systemUTC(), problems).orElseThrow(() -> new IllegalStateException(
                        problems.messages().toString()));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            engine.close();
            workers.close();
            factory.close();
        }));
        engine.start();
        System.out.println("STARTED " + args[1]);
        System.out.flush();
        Thread.sleep(Duration.ofMinutes(10).toMillis());
    }
}
