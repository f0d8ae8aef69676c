package dev.allframe.jpa.retention;

import static dev.allframe.spi.event.AppendCondition.any;
import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.core.EventIds;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.jpa.JpaEventStore;
import dev.allframe.jpa.PostgresCondition.RequiresPostgres;
import dev.allframe.jpa.TestDatabase;
import dev.allframe.spi.conformance.ConformanceEvent;
import dev.allframe.spi.event.AppendRequest;
import dev.allframe.spi.event.NewEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL, and a measurement: how long removing many expired keys in batches takes, and how appends made
 * meanwhile fare. It reports its numbers and asserts none of them; {@code -Dallframe.prune.keys=100000} sets how
 * many keys (10,000 by default, to keep the build short).
 */
@RequiresPostgres
class PostgresPruneBesideAppendsTest extends PruneBesideAppendsContract {

    private static final int KEYS = Integer.getInteger("allframe.prune.keys", 10_000);
    private static final int BATCH = 1000;

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }

    @Test
    void manyExpiredKeysAreRemovedInBatchesWhileAppendsGoOn() throws Exception {
        JpaEventStore store = database().freshStore(EventTypeRegistry.of(List.of(ConformanceEvent.class)), clock);
        database().execute("INSERT INTO allframe_idempotency_keys (idempotency_key, stream_id, stream_version,"
                + " first_position, last_position, recorded_at, idempotency_scope) SELECT 'expired-' || g,"
                + " 'stream-' || (g % 1000), 1, 0, 0, TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00', NULL"
                + " FROM generate_series(1, " + KEYS + ") g", "ANALYZE allframe_idempotency_keys");
        Instant before = clock.instant().minus(Duration.ofDays(7));
        List<Long> alone = appendFor(store, 200);

        AtomicBoolean pruning = new AtomicBoolean(true);
        List<Long> beside = Collections.synchronizedList(new ArrayList<>());
        ExecutorService appender = Executors.newSingleThreadExecutor();
        Future<?> appends = appender.submit(() -> {
            while (pruning.get()) {
                beside.add(timedAppend(store));
            }
        });
        List<Long> batches = new ArrayList<>();
        long started = System.nanoTime();
        int removed = 0;
        for (int n = BATCH; n == BATCH; ) {
            long batchStarted = System.nanoTime();
            n = store.pruneIdempotencyKeys(before, BATCH);
            batches.add(System.nanoTime() - batchStarted);
            removed += n;
        }
        long took = System.nanoTime() - started;
        pruning.set(false);
        appends.get(30, TimeUnit.SECONDS);
        appender.shutdown();

        assertThat(removed).isEqualTo(KEYS);
        Object left = database().transactions().read(em -> em.createNativeQuery(
                "SELECT COUNT(*) FROM allframe_idempotency_keys WHERE idempotency_key LIKE 'expired-%'")
                .getSingleResult());
        assertThat(left).isEqualTo(0L);
        System.out.printf("Retention on PostgreSQL: %,d expired keys removed in %d batches of %d in %d ms"
                        + " (batch median %.1f ms, max %.1f ms); appends with a key meanwhile: %d, median %.2f ms,"
                        + " max %.2f ms; alone before: median %.2f ms, max %.2f ms%n",
                removed, batches.size(), BATCH, took / 1_000_000, millis(median(batches)), millis(max(batches)),
                beside.size(), millis(median(beside)), millis(max(beside)), millis(median(alone)),
                millis(max(alone)));
    }

    private List<Long> appendFor(JpaEventStore store, int count) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            times.add(timedAppend(store));
        }
        return times;
    }

    private static long timedAppend(JpaEventStore store) {
        long started = System.nanoTime();
        store.append(new AppendRequest("live", any(), List.of(new NewEvent(EventIds.next(), "ConformanceEvent", 1,
                new ConformanceEvent("e", 1), null, null, Map.of())), "live-" + EventIds.next(), null));
        return System.nanoTime() - started;
    }

    private static long median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }

    private static long max(List<Long> nanos) {
        return nanos.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
