package dev.allframe.jpa.cluster;

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
import dev.allframe.jpa.projection.Credited;
import dev.allframe.jpa.projection.LedgerRows;
import dev.allframe.projection.FailurePolicy;
import dev.allframe.projection.ProjectionMode;
import dev.allframe.projection.ProjectionState;
import dev.allframe.projection.ReadModel;
import dev.allframe.spi.StoreCapabilities;
import dev.allframe.spi.checkpoint.ProjectionLease;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.NewEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Servers on one PostgreSQL database, each a JVM of its own, share an async projection whose read model is in the
 * database, while the test appends steadily: the server holding the projection is killed with SIGKILL, another takes
 * it over once the lease ran out, a server started again joins, the holder is killed once more, and in the end every
 * event was applied exactly once (the read model's key refuses a second application, and none is missing). A server
 * stopped as an operator stops it hands the projection over at once. A projection split into two segments is shared
 * by two servers, one segment each, and the survivor of a SIGKILL takes both; a rebuild asked of a third server (in
 * this JVM) while the two apply the segments under load applies every event once.
 */
@RequiresPostgres
class ProjectionFailoverTest {

    private static final Duration LEASE = Duration.ofSeconds(1);
    private static final Duration STARTUP = Duration.ofSeconds(90);

    @TempDir
    Path work;

    private final Map<String, NodeProcess> nodes = new LinkedHashMap<>();
    private final TestDatabase database = TestDatabase.POSTGRESQL;
    private final LaneWorkers workers = LaneWorkers.own(Clock.systemUTC());
    private ProjectionEngine local;
    private JpaEventStore store;

    @AfterEach
    void killNodes() throws InterruptedException {
        if (local != null) {
            local.close();
        }
        workers.close();
        for (NodeProcess node : nodes.values()) {
            node.close();
        }
    }

    @Test
    void everyEventIsAppliedExactlyOnceWhileTheServersHoldingTheProjectionAreKilled() throws Exception {
        store = freshStoreAndReadModel();
        start("node-1");
        start("node-2");
        AtomicBoolean appending = new AtomicBoolean(true);
        AtomicLong appended = new AtomicLong();
        Thread writer = startWriter(appending, appended, 1);
        List<Duration> failovers = new ArrayList<>();
        try {
            String first = awaitHolderOtherThan(null, Duration.ofSeconds(60));
            awaitCheckpointAbove(0, Duration.ofSeconds(60));

            failovers.add(killAndAwaitFailover(first));
            start("node-3");
            String second = awaitHolderOtherThan(first, Duration.ofSeconds(60));
            failovers.add(killAndAwaitFailover(second));
        } finally {
            appending.set(false);
            writer.join(30_000);
        }

        long head = store.headPosition();
        assertThat(head).isEqualTo(appended.get());
        awaitCheckpoint(head, Duration.ofSeconds(60));
        assertThat(rows("SELECT COUNT(*) FROM test_ledger")).as("one row per event, none missing").isEqualTo(head);
        assertThat(rows("SELECT COUNT(DISTINCT event_id) FROM test_ledger")).isEqualTo(head);
        System.out.printf("failover after SIGKILL with a %s lease: %s; %d events%n", LEASE, failovers, head);
        assertThat(failovers).allSatisfy(failover -> assertThat(failover).as("bounded by lease and renewal, with"
                + " room for a busy machine").isLessThan(LEASE.multipliedBy(20)));
    }

    @Test
    void twoServersShareAProjectionInTwoSegmentsAndTheSurvivorTakesBothWhenOneIsKilled() throws Exception {
        store = freshStoreAndReadModel();
        start("node-1", 2);
        start("node-2", 2);
        AtomicBoolean appending = new AtomicBoolean(true);
        AtomicLong appended = new AtomicLong();
        Thread writer = startWriter(appending, appended, 16);
        Duration failover;
        try {
            List<String> holders = awaitSegmentHolders(holdersOf -> holdersOf.size() == 2
                    && !holdersOf.get(0).equals(holdersOf.get(1)), Duration.ofSeconds(60));
            awaitCheckpointAbove("ledger[1/2]", 0, Duration.ofSeconds(60));
            awaitCheckpointAbove("ledger[2/2]", 0, Duration.ofSeconds(60));

            String killed = holders.get(0);
            String survivor = holders.get(1);
            long killedAt = System.nanoTime();
            nodes.remove(killed).kill();
            long checkpoint = store.checkpoint("ledger[1/2]");
            awaitSegmentHolders(holdersOf -> holdersOf.equals(List.of(survivor, survivor)), Duration.ofSeconds(60));
            awaitCheckpointAbove("ledger[1/2]", checkpoint, Duration.ofSeconds(60));
            failover = Duration.ofNanos(System.nanoTime() - killedAt);
        } finally {
            appending.set(false);
            writer.join(30_000);
        }

        long head = store.headPosition();
        assertThat(head).isEqualTo(appended.get());
        awaitCheckpointAbove("ledger[1/2]", head - 1, Duration.ofSeconds(60));
        awaitCheckpointAbove("ledger[2/2]", head - 1, Duration.ofSeconds(60));
        assertThat(rows("SELECT COUNT(*) FROM test_ledger")).as("one row per event, none missing").isEqualTo(head);
        assertThat(rows("SELECT COUNT(DISTINCT event_id) FROM test_ledger")).isEqualTo(head);
        assertThat(rows("SELECT COUNT(DISTINCT account) FROM test_ledger")).isEqualTo(16);
        System.out.printf("segment failover after SIGKILL with a %s lease: %s; %d events%n", LEASE, failover, head);
    }

    @Test
    void aRebuildAskedOfOneServerWhileTwoOthersApplyTheSegmentsUnderLoadAppliesEveryEventOnce() throws Exception {
        store = freshStoreAndReadModel();
        start("node-1", 2);
        start("node-2", 2);
        AtomicBoolean appending = new AtomicBoolean(true);
        AtomicLong appended = new AtomicLong();
        Thread writer = startWriter(appending, appended, 16);
        long writtenBefore;
        try {
            awaitSegmentHolders(holdersOf -> holdersOf.size() == 2, Duration.ofSeconds(60));
            awaitCheckpointAbove("ledger[1/2]", 200, Duration.ofSeconds(60));
            awaitCheckpointAbove("ledger[2/2]", 200, Duration.ofSeconds(60));
            local = startHere("node-here", 2);

            writtenBefore = rows("SELECT MAX(written) FROM test_ledger");
            local.rebuild("ledger");
            awaitCheckpointAbove("ledger[1/2]", 200, Duration.ofSeconds(60));
        } finally {
            appending.set(false);
            writer.join(30_000);
        }

        long head = store.headPosition();
        assertThat(local.awaitPosition("ledger", head, Duration.ofSeconds(60))).isTrue();
        assertThat(rows("SELECT COUNT(*) FROM test_ledger")).as("one row per event, none missing").isEqualTo(head);
        assertThat(rows("SELECT COUNT(DISTINCT event_id) FROM test_ledger")).isEqualTo(head);
        assertThat(rows("SELECT MIN(written) FROM test_ledger"))
                .as("every row written again after the rebuild was asked (its reset removed the earlier ones)")
                .isGreaterThan(writtenBefore);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (local.status("ledger").state() != ProjectionState.RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(local.status("ledger").state()).isEqualTo(ProjectionState.RUNNING);
    }

    @Test
    void aServerStoppedByAnOperatorHandsTheProjectionOverAtOnce() throws Exception {
        store = freshStoreAndReadModel();
        start("node-1");
        String holder = awaitHolderOtherThan(null, Duration.ofSeconds(60));
        start("node-2");
        credit();

        nodes.remove(holder).stop();

        String next = awaitHolderOtherThan(holder, Duration.ofSeconds(30));
        assertThat(next).isEqualTo("node-2");
        credit();
        awaitCheckpoint(2, Duration.ofSeconds(30));
        assertThat(rows("SELECT COUNT(*) FROM test_ledger")).isEqualTo(2);
    }

    private JpaEventStore freshStoreAndReadModel() {
        database.freshStore();
        database.execute("DROP TABLE IF EXISTS test_ledger",
                "CREATE TABLE test_ledger (event_id VARCHAR(36) PRIMARY KEY, account VARCHAR(20), amount INTEGER,"
                        + " written BIGSERIAL)");
        return database.freshStoreKeepingData(EventTypeRegistry.of(List.of(Credited.class)));
    }

    /**
     * A thread appending one credit after the other while {@code appending}, counting them in {@code appended}: to one
     * account, or to {@code accounts} accounts in turn.
     */
    private Thread startWriter(AtomicBoolean appending, AtomicLong appended, int accounts) {
        Thread writer = new Thread(() -> {
            while (appending.get()) {
                credit(accounts == 1 ? "acc" : "acc-" + appended.get() % accounts);
                appended.incrementAndGet();
            }
        }, "writer");
        writer.start();
        return writer;
    }

    /** A server in this JVM, as the servers in their own: to ask a rebuild of, and to look at. */
    private ProjectionEngine startHere(String name, int segments) {
        Problems problems = new Problems();
        var model = ProjectionInspector.inspect(List.of(new ProjectionBean(LedgerRows.class, "ledger",
                ProjectionMode.ASYNC, ReadModel.STORED, FailurePolicy.STOP, segments)), problems).get(0);
        ProjectionSettings settings = new ProjectionSettings(50, Duration.ofMillis(50), 3, Duration.ofMillis(50),
                LEASE, name);
        JpaEventStore own = database.freshStoreKeepingData(EventTypeRegistry.of(List.of(Credited.class)));
        ProjectionEngine engine = ProjectionEngine.create(StoreCapabilities.of(own), "the JPA store", settings,
                List.of(new BoundProjection(model, new LedgerRows())), workers.executor(Lane.PROJECTIONS),
                workers.executor(Lane.LISTENING), workers.timer(), Clock.systemUTC(), problems).orElseThrow();
        engine.start();
        return engine;
    }

    private void start(String name) throws Exception {
        start(name, 1);
    }

    private void start(String name, int segments) throws Exception {
        NodeProcess node = NodeProcess.start(name, ProjectionNode.class, work, database.jdbcUrl(), name,
                LEASE.toString(), Integer.toString(segments));
        nodes.put(name, node);
        node.await("STARTED", STARTUP);
    }

    /** Kills the holder, and measures how long until another node holds the projection and applies events. */
    private Duration killAndAwaitFailover(String holder) throws Exception {
        long killedAt = System.nanoTime();
        nodes.remove(holder).kill();
        long checkpoint = store.checkpoint("ledger");
        awaitHolderOtherThan(holder, Duration.ofSeconds(60));
        awaitCheckpointAbove(checkpoint, Duration.ofSeconds(60));
        return Duration.ofNanos(System.nanoTime() - killedAt);
    }

    private String awaitHolderOtherThan(String former, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> holder = store.holder("ledger").map(ProjectionLease::node);
            if (holder.isPresent() && !holder.get().equals(former)) {
                return holder.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no node other than " + former + " took the projection; logs in " + work);
    }

    private void awaitCheckpointAbove(long position, Duration timeout) throws InterruptedException {
        awaitCheckpointAbove("ledger", position, timeout);
    }

    private void awaitCheckpointAbove(String key, long position, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (store.checkpoint(key) <= position) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the checkpoint of " + key + " stayed at " + store.checkpoint(key)
                        + "; logs in " + work);
            }
            Thread.sleep(20);
        }
    }

    /** The nodes holding the two segments, in the segments' order, once {@code wanted} holds of them. */
    private List<String> awaitSegmentHolders(Predicate<List<String>> wanted, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> holders = List.of();
        while (System.nanoTime() < deadline) {
            holders = new ArrayList<>();
            for (String key : List.of("ledger[1/2]", "ledger[2/2]")) {
                store.holder(key).map(ProjectionLease::node).ifPresent(holders::add);
            }
            if (wanted.test(holders)) {
                return holders;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the segments' holders stayed " + holders + "; logs in " + work);
    }

    private void awaitCheckpoint(long position, Duration timeout) throws InterruptedException {
        awaitCheckpointAbove(position - 1, timeout);
        assertThat(store.checkpoint("ledger")).isEqualTo(position);
    }

    private void credit() {
        credit("acc");
    }

    private void credit(String account) {
        store.append(account, AppendCondition.any(), List.of(new NewEvent(EventIds.next(), "Credited", 1,
                new Credited(account, 1), null, null, null)));
    }

    private long rows(String sql) {
        Object count = database.transactions().read(em -> em.createNativeQuery(sql).getSingleResult());
        return ((Number) count).longValue();
    }
}
