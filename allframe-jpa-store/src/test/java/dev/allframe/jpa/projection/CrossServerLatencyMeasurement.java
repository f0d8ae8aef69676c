package dev.allframe.jpa.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.core.EventIds;
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
import dev.allframe.jpa.PostgresCondition.RequiresPostgres;
import dev.allframe.jpa.TestDatabase;
import dev.allframe.projection.ProjectionMode;
import dev.allframe.projection.ReadModel;
import dev.allframe.spi.StoreCapabilities;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.NewEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Measures cross-server read-your-writes on PostgreSQL, with and without notifications: an async projection is applied
 * on server A; a client appends through server B and waits on B until B's {@code awaitPosition} answers for its
 * event. Two store instances with pools of their own stand for the servers, in one JVM. Run on purpose only (its name
 * is not a test's): {@code ALLFRAME_TEST_POSTGRESQL_URL=... mvn -pl allframe-jpa-store test
 * -Dtest=CrossServerLatencyMeasurement}. It prints the percentiles; it asserts only that each wait answered.
 */
@RequiresPostgres
class CrossServerLatencyMeasurement {

    private static final Duration POLL = Duration.ofSeconds(1);

    private final TestDatabase database = TestDatabase.POSTGRESQL;

    @Test
    void readYourWritesAcrossServers() throws Exception {
        long[] notified = measure(true, 500);
        long[] polled = measure(false, 40);
        System.out.printf("cross-server read-your-writes on PostgreSQL, poll interval %s:%n", POLL);
        System.out.printf("  with notifications: %d waits, p50 %.1f ms, p99 %.1f ms%n", notified.length,
                percentile(notified, 50), percentile(notified, 99));
        System.out.printf("  polling only:       %d waits, p50 %.1f ms, p99 %.1f ms%n", polled.length,
                percentile(polled, 50), percentile(polled, 99));
    }

    private long[] measure(boolean notifications, int count) throws Exception {
        JpaEventStore writer = database.freshStore(EventTypeRegistry.of(List.of(Credited.class)));
        database.execute("DROP TABLE IF EXISTS test_ledger",
                "CREATE TABLE test_ledger (event_id VARCHAR(36) PRIMARY KEY, account VARCHAR(20), amount INTEGER)");
        List<LaneWorkers> servers = List.of(LaneWorkers.own(Clock.systemUTC()), LaneWorkers.own(Clock.systemUTC()));
        List<ProjectionEngine> engines = new ArrayList<>();
        try {
            engines.add(start(servers.get(0), "node-a", notifications));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!"node-a".equals(engines.get(0).status("ledger").owner()) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            JpaEventStore b = database.freshStoreKeepingData(EventTypeRegistry.of(List.of(Credited.class)));
            engines.add(start(servers.get(1), b, "node-b", notifications));
            long[] waits = new long[count];
            for (int i = 0; i < count; i++) {
                long position = b.append("acc-" + i, AppendCondition.any(), List.of(new NewEvent(EventIds.next(),
                        "Credited", 1, new Credited("acc", i), null, null, null))).events().get(0).globalPosition();
                long start = System.nanoTime();
                assertThat(engines.get(1).awaitPosition("ledger", position, Duration.ofSeconds(30))).isTrue();
                waits[i] = System.nanoTime() - start;
            }
            writer.close();
            b.close();
            return waits;
        } finally {
            engines.forEach(ProjectionEngine::close);
            servers.forEach(LaneWorkers::close);
        }
    }

    private ProjectionEngine start(LaneWorkers server, String node, boolean notifications) {
        return start(server, database.freshStoreKeepingData(EventTypeRegistry.of(List.of(Credited.class))), node,
                notifications);
    }

    private ProjectionEngine start(LaneWorkers server, JpaEventStore store, String node, boolean notifications) {
        ProjectionSettings settings = new ProjectionSettings(50, POLL, 1, Duration.ofMillis(10), Duration.ofSeconds(15),
                node);
        Problems problems = new Problems();
        var model = ProjectionInspector.inspect(List.of(new ProjectionBean(LedgerRows.class, "ledger",
                ProjectionMode.ASYNC, ReadModel.STORED)), problems).get(0);
        List<BoundProjection> projections = List.of(new BoundProjection(model, new LedgerRows()));
        ProjectionEngine engine = notifications
                ? ProjectionEngine.create(StoreCapabilities.of(store), "the JPA store", settings, projections,
                        server.executor(Lane.PROJECTIONS), server.executor(Lane.LISTENING), server.timer(),
                        Clock.systemUTC(), problems).orElseThrow()
                : ProjectionEngine.create(StoreCapabilities.of(store), "the JPA store", settings, projections,
                        server.executor(Lane.PROJECTIONS), server.timer(), Clock.systemUTC(), problems).orElseThrow();
        engine.start();
        return engine;
    }

    private static double percentile(long[] nanos, int percent) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }
}
