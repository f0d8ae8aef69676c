package dev.allframe.jpa.saga;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.core.EventTypeRegistry;
import dev.allframe.jpa.JpaEventStore;
import dev.allframe.jpa.PostgresCondition.RequiresPostgres;
import dev.allframe.jpa.TestDatabase;
import dev.allframe.saga.SagaOrchestrator;
import dev.allframe.saga.SagaState;
import dev.allframe.spi.event.EventStore;
import dev.allframe.spi.saga.SagaRecord;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guarantee 8 across a crash: a JVM running a saga is killed with SIGKILL while its second step blocks; a new
 * container on the same PostgreSQL database takes the saga over once its lease ran out and compensates it
 * from that step, with the history the dead process wrote intact.
 */
@RequiresPostgres
class SagaCrashTest {

    private static final Map<String, String> CONFIG = Map.of("allframe.event-store", "jpa", "allframe.saga.lease", "1s");

    @TempDir
    Path work;

    @Test
    void aSagaWhoseProcessWasKilledIsCompensatedByANewContainer() throws Exception {
        TestDatabase database = TestDatabase.POSTGRESQL;
        database.freshStore();
        Process child = new ProcessBuilder(javaExecutable(), "-cp", System.getProperty("java.class.path"),
                "-Dallframe.event-store=jpa", "-Dallframe.saga.lease=1s", SagaProcess.class.getName(),
                database.jdbcUrl()).redirectError(work.resolve("child.log").toFile()).start();
        UUID id;
        try {
            id = runningSaga(child);
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the child was killed").isTrue();
        JpaEventStore reader = database.freshStoreKeepingData(new EventTypeRegistry());
        SagaRecord left = reader.find(id).orElseThrow();
        assertThat(left.state()).isEqualTo(SagaState.RUNNING);
        assertThat(left.currentStep()).isEqualTo(2);

        SagaDatabase.factory = database.factory();
        SagaContainers.withConfig(CONFIG, () -> {
            try (WeldContainer container = SagaContainers.shipments().initialize()) {
                ShipmentHistory.assertCompensatedFromStepTwo(container.select(SagaOrchestrator.class).get(),
                        container.select(EventStore.class).get(), id);
            }
            return null;
        });
    }

    /** The id the child prints once the saga's second step runs. */
    private UUID runningSaga(Process child) throws Exception {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String read = out.readLine(); read != null; read = out.readLine()) {
                    if (read.startsWith("RUNNING ")) {
                        return read.substring("RUNNING ".length());
                    }
                }
                return null;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String id = line.get(90, TimeUnit.SECONDS);
        assertThat(id).as("the child's saga reached step 2; its log is in %s", work.resolve("child.log")).isNotNull();
        return UUID.fromString(id);
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : ""))
                .toString();
    }
}
