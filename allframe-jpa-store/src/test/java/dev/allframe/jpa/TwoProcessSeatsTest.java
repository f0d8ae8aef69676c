package dev.allframe.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.EventEnvelope;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.jpa.PostgresCondition.RequiresPostgres;
import dev.allframe.spi.conformance.ConformanceSeat;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Appends conditioned on a query across processes: eight writers in this JVM and eight in another compete for the
 * seats of one course on the same PostgreSQL database, each deciding over the seats it read and taking at most
 * {@value #SHARE} (so that the eight of one process cannot fill the course alone, however much sooner they start).
 * The course ends with exactly its capacity, each seat is one that a writer was told it took, and the refusals
 * reached the writers. The log holds those events and no other; its head may lie beyond them, since a refused append
 * whose positions others took after it leaves them unused (the order is gap-safe, not dense).
 */
@RequiresPostgres
class TwoProcessSeatsTest {

    private static final int THREADS = 8;
    private static final int CAPACITY = 60;
    private static final int SHARE = 5;
    private static final Pattern OUTCOME = Pattern.compile("taken (\\d+) refused (\\d+)");

    @Test
    void sixteenWritersInTwoProcessesTakeExactlyTheCapacity() throws Exception {
        JpaEventStore store = TestDatabase.POSTGRESQL.freshStore(EventTypeRegistry.of(List.of(ConformanceSeat.class)));
        Process child = new ProcessBuilder(javaExecutable(), "-cp", System.getProperty("java.class.path"),
                SeatTakingProcess.class.getName(), TestDatabase.POSTGRESQL.jdbcUrl(), "child",
                String.valueOf(THREADS), String.valueOf(CAPACITY), String.valueOf(SHARE)).redirectErrorStream(true)
                .start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8)); Writer input = new OutputStreamWriter(child.getOutputStream(),
                StandardCharsets.UTF_8)) {
            StringBuilder log = new StringBuilder();
            String line;
            while ((line = output.readLine()) != null && !line.equals("ready")) {
                log.append(line).append('\n');
            }
            assertThat(line).as("the child process started; its output: %s", log).isEqualTo("ready");
            input.write("go\n");
            input.flush();

            long[] here = SeatTakingProcess.takeSeats(store, "parent", THREADS, CAPACITY, SHARE);

            Matcher there = null;
            while ((line = output.readLine()) != null) {
                log.append(line).append('\n');
                Matcher matcher = OUTCOME.matcher(line);
                if (matcher.matches()) {
                    there = matcher;
                }
            }
            assertThat(child.waitFor(5, TimeUnit.MINUTES)).as("the child process finished").isTrue();
            assertThat(child.exitValue()).as("child exit code; its output: %s", log).isZero();
            assertThat(there).as("the child's outcome; its output: %s", log).isNotNull();
            long takenThere = Long.parseLong(there.group(1));
            long refusedThere = Long.parseLong(there.group(2));

            List<EventEnvelope> seats = store.read(SeatTakingProcess.COURSE, 0, CAPACITY * 2);
            assertThat(seats).as("the course's seats").hasSize(CAPACITY);
            assertThat(here[0] + takenThere).as("seats the writers were told they took").isEqualTo(CAPACITY);
            assertThat(takenThere).as("seats taken by the other process")
                    .isGreaterThanOrEqualTo(CAPACITY - THREADS * SHARE);
            assertThat(here[0]).as("seats taken by this process").isGreaterThanOrEqualTo(CAPACITY - THREADS * SHARE);
            assertThat(here[1] + refusedThere).as("refusals the writers were told of").isPositive();
            assertThat(store.readAll(0, CAPACITY * 2)).as("events stored in all").hasSize(CAPACITY);
            assertThat(store.headPosition()).as("the head (refused appends may leave positions unused)")
                    .isGreaterThanOrEqualTo(CAPACITY);
        } finally {
            child.destroyForcibly();
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : ""))
                .toString();
    }
}
