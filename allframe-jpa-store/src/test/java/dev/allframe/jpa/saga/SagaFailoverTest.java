package dev.allframe.jpa.saga;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.core.EventTypeRegistry;
import dev.allframe.jpa.JpaEventStore;
import dev.allframe.jpa.PostgresCondition.RequiresPostgres;
import dev.allframe.jpa.TestDatabase;
import dev.allframe.jpa.cluster.NodeProcess;
import dev.allframe.saga.SagaLogEntry;
import dev.allframe.saga.SagaLogEntry.Action;
import dev.allframe.saga.SagaLogEntry.Result;
import dev.allframe.saga.SagaState;
import dev.allframe.spi.saga.SagaRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sagas on two servers (JVMs) sharing one PostgreSQL database, with a lease of one second: a saga whose step runs
 * five leases stays with its live server, which completes it while the other looks for sagas to recover every half
 * lease; a saga whose server is killed with SIGKILL is compensated by the other within two leases.
 */
@RequiresPostgres
class SagaFailoverTest {

    private static final Duration LEASE = Duration.ofSeconds(1);
    private static final Duration STARTUP = Duration.ofSeconds(90);

    @TempDir
    Path work;

    private final TestDatabase database = TestDatabase.POSTGRESQL;
    private final List<NodeProcess> nodes = new ArrayList<>();

    @AfterEach
    void killNodes() throws InterruptedException {
        for (NodeProcess node : nodes) {
            node.close();
        }
    }

    @Test
    void aSagaRunningFiveTimesItsLeaseStaysWithItsLiveServer() throws Exception {
        JpaEventStore store = database.freshStore();
        NodeProcess other = start("node-2", LEASE.multipliedBy(5).toString());
        NodeProcess running = start("node-1", LEASE.multipliedBy(5).toString(), "start");
        UUID id = UUID.fromString(running.await("SHIPPING ", STARTUP).substring("SHIPPING ".length()));

        assertThat(running.await("OUTCOME " + id, Duration.ofSeconds(60))).isEqualTo("OUTCOME " + id + " COMPLETED");

        JpaEventStore reader = database.freshStoreKeepingData(new EventTypeRegistry());
        assertThat(reader.find(id).map(SagaRecord::state)).contains(SagaState.COMPLETED);
        assertThat(reader.history(id)).extracting(SagaLogEntry::step, SagaLogEntry::action, SagaLogEntry::result)
                .as("never taken over: no step interrupted, none compensated").containsExactly(
                        Tuple.tuple(1, Action.EXECUTE, Result.SUCCEEDED),
                        Tuple.tuple(2, Action.EXECUTE, Result.SUCCEEDED),
                        Tuple.tuple(3, Action.EXECUTE, Result.SUCCEEDED));
        Duration shipping = Duration.between(reader.history(id).get(1).started(), reader.history(id).get(1).finished());
        assertThat(shipping).isGreaterThanOrEqualTo(LEASE.multipliedBy(5));
        other.stop();
        store.close();
    }

    @Test
    void aSagaOfAKilledServerIsCompensatedByAnotherWithinTwoLeases() throws Exception {
        database.freshStore().close();
        start("node-2", "PT0S");
        NodeProcess running = start("node-1", "hang", "start");
        UUID id = UUID.fromString(running.await("SHIPPING ", STARTUP).substring("SHIPPING ".length()));
        JpaEventStore reader = database.freshStoreKeepingData(new EventTypeRegistry());

        running.kill();
        long killedAt = System.nanoTime();
        SagaRecord saga = reader.find(id).orElseThrow();
        while (saga.state().unfinished() && System.nanoTime() - killedAt < Duration.ofSeconds(60).toNanos()) {
            Thread.sleep(10);
            saga = reader.find(id).orElseThrow();
        }
        Duration compensatedAfter = Duration.ofNanos(System.nanoTime() - killedAt);

        System.out.printf("saga compensated %s after its server's SIGKILL, with a %s lease%n", compensatedAfter, LEASE);
        assertThat(saga.state()).isEqualTo(SagaState.COMPENSATED);
        assertThat(reader.history(id)).extracting(SagaLogEntry::step, SagaLogEntry::action, SagaLogEntry::result)
                .containsExactly(Tuple.tuple(1, Action.EXECUTE, Result.SUCCEEDED),
                        Tuple.tuple(2, Action.EXECUTE, Result.INTERRUPTED),
                        Tuple.tuple(2, Action.COMPENSATE, Result.SUCCEEDED),
                        Tuple.tuple(1, Action.COMPENSATE, Result.SUCCEEDED));
        assertThat(compensatedAfter).isLessThan(LEASE.multipliedBy(2));
        reader.close();
    }

    private NodeProcess start(String name, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(database.jdbcUrl(), name));
        all.addAll(List.of(args));
        NodeProcess node = NodeProcess.start(name, List.of("-Dallframe.event-store=jpa",
                "-Dallframe.saga.lease=" + LEASE.toSeconds() + "s"), SagaNode.class, work, all.toArray(String[]::new));
        nodes.add(node);
        node.await("STARTED " + name, STARTUP);
        return node;
    }
}
