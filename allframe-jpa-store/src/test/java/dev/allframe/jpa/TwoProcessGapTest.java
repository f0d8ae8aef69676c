package dev.allframe.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.EventEnvelope;
import dev.allframe.core.EventIds;
import dev.allframe.jpa.PostgresCondition.RequiresPostgres;
import dev.allframe.spi.conformance.ConformanceEvent;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.NewEvent;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guarantee 4 across processes: while another JVM and eight threads of this one append to the same
 * PostgreSQL database, a reader tailing the global log sees every position exactly once and in order.
 */
@RequiresPostgres
class TwoProcessGapTest {

    private static final int CHILD_EVENTS = 1_500;
    private static final int THREADS = 8;
    private static final int EVENTS_PER_THREAD = 200;

    @TempDir
    Path work;

    @Test
    void aReaderNeverFindsAnEventBelowAPositionItHasSeen() throws Exception {
        JpaEventStore store = TestDatabase.POSTGRESQL.freshStore();
        int total = CHILD_EVENTS + THREADS * EVENTS_PER_THREAD;
        Process child = new ProcessBuilder(javaExecutable(), "-cp", System.getProperty("java.class.path"),
                AppendingProcess.class.getName(), TestDatabase.POSTGRESQL.jdbcUrl(), "child", String.valueOf(CHILD_EVENTS))
                .redirectErrorStream(true).redirectOutput(work.resolve("child.log").toFile()).start();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
        try {
            Future<List<EventEnvelope>> reader = pool.submit(() -> tail(store, total));
            awaitFirstChildEvent(store, child);
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                String name = "thread" + t;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < EVENTS_PER_THREAD; i++) {
                        store.append(name, AppendCondition.any(), List.of(new NewEvent(EventIds.next(),
                                "ConformanceEvent", 1, new ConformanceEvent(name, i), null, null, null)));
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(5, TimeUnit.MINUTES);
            }
            assertThat(child.waitFor(5, TimeUnit.MINUTES)).as("the child process finished").isTrue();
            assertThat(child.exitValue()).as("child exit code; its output is in %s", work.resolve("child.log")).isZero();

            List<EventEnvelope> seen = reader.get(5, TimeUnit.MINUTES);

            assertThat(seen).hasSize(total);
            Map<String, Integer> perWriter = new HashMap<>();
            for (int i = 0; i < seen.size(); i++) {
                assertThat(seen.get(i).globalPosition()).isEqualTo(i + 1);
                perWriter.merge(seen.get(i).event(ConformanceEvent.class).text(), 1, Integer::sum);
            }
            assertThat(perWriter).containsEntry("child", CHILD_EVENTS).hasSize(THREADS + 1);
            int switches = 0;
            for (int i = 1; i < seen.size(); i++) {
                boolean child1 = seen.get(i - 1).event(ConformanceEvent.class).text().equals("child");
                boolean child2 = seen.get(i).event(ConformanceEvent.class).text().equals("child");
                switches += child1 != child2 ? 1 : 0;
            }
            assertThat(switches).as("times the log switches between the two processes' events").isGreaterThan(10);
        } finally {
            pool.shutdownNow();
            child.destroyForcibly();
        }
    }

    private static void awaitFirstChildEvent(JpaEventStore store, Process child) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (store.streamVersion("child-0") == 0) {
            assertThat(child.isAlive()).as("the child process is running").isTrue();
            assertThat(System.nanoTime()).as("the child's first event within 60 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** Reads the log after the last position seen until {@code total} events arrived; fails on a gap. */
    private static List<EventEnvelope> tail(JpaEventStore store, int total) {
        List<EventEnvelope> seen = new ArrayList<>(total);
        long last = 0;
        while (seen.size() < total) {
            for (EventEnvelope envelope : store.readAll(last, 500)) {
                if (envelope.globalPosition() != last + 1) {
                    throw new AssertionError("read position " + envelope.globalPosition() + " right after " + last);
                }
                last = envelope.globalPosition();
                seen.add(envelope);
            }
        }
        return seen;
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : ""))
                .toString();
    }
}
