package dev.allframe.jpa.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.core.EventIds;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.jpa.JpaEventStore;
import dev.allframe.jpa.PostgresCondition.RequiresPostgres;
import dev.allframe.jpa.StoreTransaction;
import dev.allframe.jpa.TestDatabase;
import dev.allframe.jpa.projection.Credited;
import dev.allframe.spi.checkpoint.ProjectionLease;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.NewEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures how fast one async projection catches up on PostgreSQL when two server JVMs share it, whole (one server
 * applies it, the other waits) and in two segments (one each). The read model writes a row per event in the batch's
 * transaction. The projection is paused (through the store, as an operator would), the events are appended, and it
 * catches up once to warm the servers up; then it is paused, reset with its read model, and the clock runs from the
 * resume until every checkpoint reached the head again; the two shapes take turns, twice each; then
 * again with fewer events, each of which also waits a millisecond, as a call to another system would. Run on
 * purpose only (its name is not a test's): {@code ALLFRAME_TEST_POSTGRESQL_URL=... mvn -pl allframe-jpa-store test
 * -Dtest=SegmentCatchUpMeasurement}. It prints events per second; it asserts only that every event was applied once.
 */
@RequiresPostgres
class SegmentCatchUpMeasurement {

    private static final int EVENTS = 20_000;
    private static final int CALLING_EVENTS = 4_000;
    private static final Duration CALL = Duration.ofMillis(1);
    private static final int STREAMS = 64;
    private static final int BATCH = 500;
    private static final Duration LEASE = Duration.ofSeconds(3);

    @TempDir
    Path work;

    private final TestDatabase database = TestDatabase.POSTGRESQL;

    @Test
    void catchUpWithOneAndWithTwoSegmentsOnTwoServers() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (int segments : new int[] {1, 2}) {
                double rate = measure(segments, EVENTS, Duration.ZERO);
                lines.add(String.format("  a row per event, %d segment(s) on 2 servers: %,.0f events/s", segments,
                        rate));
            }
        }
        for (int round = 0; round < 2; round++) {
            for (int segments : new int[] {1, 2}) {
                double rate = measure(segments, CALLING_EVENTS, CALL);
                lines.add(String.format("  a row and a %s call per event, %d segment(s) on 2 servers: %,.0f events/s",
                        CALL, segments, rate));
            }
        }
        System.out.printf("catch-up of %,d events (%,d with calls) in %d streams, batches of %d, PostgreSQL:%n",
                EVENTS, CALLING_EVENTS, STREAMS, BATCH);
        lines.forEach(System.out::println);
    }

    private double measure(int segments, int events, Duration call) throws Exception {
        database.freshStore();
        database.execute("DROP TABLE IF EXISTS test_ledger",
                "CREATE TABLE test_ledger (event_id VARCHAR(36) PRIMARY KEY, account VARCHAR(20), amount INTEGER)");
        JpaEventStore store = database.freshStoreKeepingData(EventTypeRegistry.of(List.of(Credited.class)));
        List<String> keys = new ArrayList<>();
        for (int i = 1; i <= segments; i++) {
            keys.add(segments == 1 ? "ledger" : "ledger[" + i + "/" + segments + "]");
        }
        keys.forEach(key -> store.changeControl(key, control -> control.withPaused(true)));
        List<NodeProcess> nodes = new ArrayList<>();
        try {
            for (String name : List.of("node-1", "node-2")) {
                NodeProcess node = NodeProcess.start(name, ProjectionNode.class, work, database.jdbcUrl(), name,
                        LEASE.toString(), Integer.toString(segments), Integer.toString(BATCH), call.toString());
                nodes.add(node);
                node.await("STARTED", Duration.ofSeconds(90));
            }
            awaitSpread(store, keys, segments);
            append(store, events);
            catchUp(store, keys, events);
            keys.forEach(key -> store.changeControl(key, control -> control.withPaused(true)));
            Thread.sleep(500);
            store.reset(keys, () -> StoreTransaction.entityManager().createNativeQuery("DELETE FROM test_ledger")
                    .executeUpdate());
            double seconds = catchUp(store, keys, events);
            assertThat(count(store, "SELECT COUNT(DISTINCT event_id) FROM test_ledger")).isEqualTo(events);
            return events / seconds;
        } finally {
            for (NodeProcess node : nodes) {
                node.close();
            }
            store.close();
        }
    }

    /** Resumes the projection and waits until every checkpoint reached {@code events}: the seconds it took. */
    private static double catchUp(JpaEventStore store, List<String> keys, int events) throws InterruptedException {
        long start = System.nanoTime();
        keys.forEach(key -> store.changeControl(key, control -> control.withPaused(false)));
        for (String key : keys) {
            while (store.checkpoint(key) < events) {
                Thread.sleep(2);
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Waits until the segments are held by as many servers as there are segments, up to both. */
    private void awaitSpread(JpaEventStore store, List<String> keys, int segments) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Set<String> holders = new TreeSet<>();
            int held = 0;
            for (String key : keys) {
                var holder = store.holder(key).map(ProjectionLease::node);
                if (holder.isPresent()) {
                    held++;
                    holders.add(holder.get());
                }
            }
            if (held == keys.size() && holders.size() == Math.min(segments, 2)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the segments did not spread; logs in " + work);
    }

    private static void append(JpaEventStore store, int count) {
        for (int i = 0; i < count; i += 100) {
            String account = "acc-" + (i / 100) % STREAMS;
            List<NewEvent> events = new ArrayList<>();
            for (int j = 0; j < 100; j++) {
                events.add(new NewEvent(EventIds.next(), "Credited", 1, new Credited(account, j), null, null, null));
            }
            store.append(account, AppendCondition.any(), events);
        }
    }

    private long count(JpaEventStore store, String sql) {
        Object count = database.transactions().read(em -> em.createNativeQuery(sql).getSingleResult());
        return ((Number) count).longValue();
    }
}
