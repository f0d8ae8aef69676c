package dev.allframe.jpa.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.EventEnvelope;
import dev.allframe.core.EventIds;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.core.Problems;
import dev.allframe.core.projection.BoundProjection;
import dev.allframe.core.projection.ProjectionEngine;
import dev.allframe.core.projection.ProjectionInspector.ProjectionBean;
import dev.allframe.core.projection.ProjectionInspector;
import dev.allframe.core.projection.ProjectionSettings;
import dev.allframe.core.work.Lane;
import dev.allframe.core.work.LaneWorkers;
import dev.allframe.jpa.JpaEventStore;
import dev.allframe.jpa.TestDatabase;
import dev.allframe.projection.FailurePolicy;
import dev.allframe.projection.ParkedEvent;
import dev.allframe.projection.ParkedRetry;
import dev.allframe.projection.ProjectionFailedException;
import dev.allframe.projection.ProjectionMode;
import dev.allframe.projection.ReadModel;
import dev.allframe.projection.ProjectionState;
import dev.allframe.projection.ProjectionStatus;
import dev.allframe.spi.StoreCapabilities;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.NewEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jakarta.persistence.PersistenceException;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Projections over the JPA store: checkpoints and read model commit together. */
abstract class JpaProjectionContract {

    private static final ProjectionSettings SETTINGS = new ProjectionSettings(7, Duration.ofMillis(50), 1,
            Duration.ofMillis(10));

    private final List<ProjectionEngine> engines = new ArrayList<>();
    private final LaneWorkers workers = LaneWorkers.own(Clock.systemUTC());
    private JpaEventStore store;

    abstract TestDatabase database();

    @BeforeEach
    void emptyStoreAndReadModel() {
        store = database().freshStore(EventTypeRegistry.of(List.of(Credited.class)));
        try {
            database().execute("DELETE FROM test_ledger");
        } catch (PersistenceException missing) {
            database().execute("CREATE TABLE test_ledger (event_id VARCHAR(36) PRIMARY KEY, account VARCHAR(20),"
                    + " amount INTEGER)");
        }
    }

    @AfterEach
    void stopEngines() {
        engines.forEach(ProjectionEngine::close);
        workers.close();
    }

    @Test
    void aStoppedProcessorsSuccessorAppliesEveryEventExactlyOnce() throws Exception {
        credit(30);
        LedgerRows first = new LedgerRows();
        first.blockAt = 17;
        ProjectionEngine crashing = start(first, ProjectionMode.ASYNC);
        assertThat(first.blocked.await(10, TimeUnit.SECONDS)).isTrue();

        crashing.close();
        long checkpoint = store.checkpoint("ledger");

        assertThat(checkpoint).isEqualTo(14);
        assertThat(rows()).isEqualTo(14);
        ProjectionEngine successor = start(new LedgerRows(), ProjectionMode.ASYNC);
        assertThat(successor.awaitPosition("ledger", 30, Duration.ofSeconds(20))).isTrue();
        assertThat(rows()).isEqualTo(30);
        assertThat(successor.status("ledger").state()).isEqualTo(ProjectionState.RUNNING);
    }

    @Test
    void aFailureRollsBackItsBatchAndStopsAtTheEvent() throws Exception {
        credit(10);
        LedgerRows rows = new LedgerRows();
        rows.failAmount = 9;
        ProjectionEngine engine = start(rows, ProjectionMode.ASYNC);

        assertThat(engine.awaitPosition("ledger", 10, Duration.ofSeconds(5))).isFalse();
        awaitFailed(engine);

        assertThat(engine.status("ledger").failure().position()).isEqualTo(9);
        assertThat(store.checkpoint("ledger")).isEqualTo(8);
        assertThat(rows()).isEqualTo(8);
        rows.failAmount = -1;
        engine.resume("ledger");
        assertThat(engine.awaitPosition("ledger", 10, Duration.ofSeconds(10))).isTrue();
        assertThat(rows()).isEqualTo(10);
    }

    @Test
    void aRebuildStoppedHalfwayIsFinishedFromItsCheckpoint() throws Exception {
        credit(40);
        LedgerRows first = new LedgerRows();
        ProjectionEngine engine = start(first, ProjectionMode.ASYNC);
        assertThat(engine.awaitPosition("ledger", 40, Duration.ofSeconds(20))).isTrue();
        first.blockAt = 25;

        engine.rebuild("ledger");
        assertThat(first.blocked.await(10, TimeUnit.SECONDS)).isTrue();
        engine.close();

        assertThat(store.checkpoint("ledger")).isEqualTo(21);
        assertThat(rows()).isEqualTo(21);
        ProjectionEngine successor = start(new LedgerRows(), ProjectionMode.ASYNC);
        assertThat(successor.awaitPosition("ledger", 40, Duration.ofSeconds(20))).isTrue();
        assertThat(rows()).isEqualTo(40);
    }

    @Test
    void anInlineProjectionCommitsWithTheEventsOrRollsThemBack() {
        LedgerRows rows = new LedgerRows();
        start(rows, ProjectionMode.INLINE);

        credit(2);
        assertThat(rows()).isEqualTo(2);

        rows.failAmount = 3;
        assertThatThrownBy(() -> credit(1, 3))
                .isInstanceOf(ProjectionFailedException.class)
                .hasMessageStartingWith("AF1119: Projection 'ledger' failed on event Credited at position 3");
        assertThat(rows()).isEqualTo(2);
        assertThat(store.headPosition()).isEqualTo(2);
        assertThat(store.readAll(0, 10)).hasSize(2);
    }

    @Test
    void anInlineRebuildLetsAppendsCommitWhileItReplaysAndThenMissesNoneAndRepeatsNone() throws Exception {
        credit(25);
        LedgerRows rows = new LedgerRows();
        ProjectionEngine engine = start(rows, ProjectionMode.INLINE);
        credit(5);
        assertThat(rows()).as("an inline projection starts at the head").isEqualTo(5);

        LedgerRows.Hold hold = LedgerRows.Hold.at(9);
        rows.hold = hold;
        engine.rebuild("ledger");
        assertThat(hold.reached().await(20, TimeUnit.SECONDS)).isTrue();
        ExecutorService appenders = Executors.newFixedThreadPool(3);
        try {
            for (Future<?> appends : appendConcurrently(appenders)) {
                appends.get(30, TimeUnit.SECONDS);
            }
            assertThat(store.readAll(0, 200)).as("appends commit while the rebuild is held in its first batches")
                    .hasSize(60);

            List<Future<?>> meanwhile = appendConcurrently(appenders);
            hold.release().countDown();
            for (Future<?> appends : meanwhile) {
                appends.get(60, TimeUnit.SECONDS);
            }
        } finally {
            hold.release().countDown();
            appenders.shutdownNow();
        }

        // concurrent appends to one stream may leave positions unused (PostgreSQL): the last event's is the head
        long head = store.headPosition();
        assertThat(store.readAll(0, 200)).hasSize(90).last().extracting(EventEnvelope::globalPosition).isEqualTo(head);
        assertThat(engine.awaitPosition("ledger", head, Duration.ofSeconds(30))).isTrue();
        assertThat(rows()).as("one row per event: the key refuses a second").isEqualTo(90);
        assertThat(engine.status("ledger").state()).isEqualTo(ProjectionState.RUNNING);
    }

    @Test
    void aRebuildAskedOfANodeThatDoesNotHoldTheProjectionIsCarriedOutByTheNodeThatDoes() throws Exception {
        credit(50);
        LedgerRows rowsOfA = new LedgerRows();
        ProjectionEngine nodeA = start(rowsOfA, ProjectionMode.ASYNC);
        assertThat(nodeA.awaitPosition("ledger", 50, Duration.ofSeconds(20))).isTrue();
        ProjectionEngine nodeB = start(database().freshStoreKeepingData(EventTypeRegistry.of(List.of(Credited.class))),
                new LedgerRows(), ProjectionMode.ASYNC);
        assertThat(nodeB.awaitPosition("ledger", 50, Duration.ofSeconds(20))).isTrue();
        assertThat(nodeB.status("ledger").owner()).isEqualTo("node-1");

        LedgerRows.Hold hold = LedgerRows.Hold.at(9);
        rowsOfA.hold = hold;
        nodeB.rebuild("ledger");
        try {
            assertThat(hold.reached().await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(rows()).as("B's rebuild reset the read model; A replays it").isEqualTo(7);
            assertThat(nodeB.status("ledger").state()).isEqualTo(ProjectionState.REBUILDING);
            credit(10);
        } finally {
            hold.release().countDown();
        }

        assertThat(nodeA.awaitPosition("ledger", 60, Duration.ofSeconds(30))).isTrue();
        assertThat(nodeB.awaitPosition("ledger", 60, Duration.ofSeconds(30))).isTrue();
        assertThat(store.checkpoint("ledger")).isEqualTo(60);
        assertThat(rows()).as("every event applied once: the key refuses a second, none is missing").isEqualTo(60);
        assertThat(nodeA.status("ledger").state()).isEqualTo(ProjectionState.RUNNING);
        assertThat(nodeB.status("ledger").state()).isEqualTo(ProjectionState.RUNNING);
        assertThat(nodeB.status("ledger").owner()).isEqualTo("node-1");
    }

    @Test
    void aProjectionInSegmentsOnTwoNodesIsRebuiltWhileAWriterAppendsAndAppliesEveryEventOnce() throws Exception {
        creditStreams(40);
        ProjectionEngine nodeA = start(store, new LedgerRows(), ProjectionMode.ASYNC, 2);
        assertThat(nodeA.awaitPosition("ledger", 40, Duration.ofSeconds(20))).isTrue();
        ProjectionEngine nodeB = start(database().freshStoreKeepingData(EventTypeRegistry.of(List.of(Credited.class))),
                new LedgerRows(), ProjectionMode.ASYNC, 2);
        assertThat(rows()).isEqualTo(40);

        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            Future<?> appending = writer.submit(() -> creditStreams(60));
            while (store.headPosition() < 60) {
                Thread.sleep(5);
            }
            nodeB.rebuild("ledger");
            appending.get(60, TimeUnit.SECONDS);
        } finally {
            writer.shutdownNow();
        }

        assertThat(nodeA.awaitPosition("ledger", 100, Duration.ofSeconds(60))).isTrue();
        assertThat(nodeB.awaitPosition("ledger", 100, Duration.ofSeconds(60))).isTrue();
        assertThat(rows()).as("every event applied once: the key refuses a second, none is missing").isEqualTo(100);
        assertThat(store.checkpoints("ledger")).containsOnlyKeys("ledger[1/2]", "ledger[2/2]")
                .containsValues(100L, 100L);
        assertThat(nodeA.status("ledger").state()).isEqualTo(ProjectionState.RUNNING);
        assertThat(nodeB.status("ledger").segments()).extracting(ProjectionStatus::position).containsExactly(100L,
                100L);
    }

    @Test
    void anEventNoLongerReadableStopsOnlyTheSegmentOfItsStreamAndTheOthersNeverDecodeIt() throws Exception {
        creditStreams(16);
        database().execute("UPDATE allframe_events SET type_name = 'Gone' WHERE global_position = 3");
        ProjectionEngine engine = start(store, new LedgerRows(), ProjectionMode.ASYNC, 2);

        awaitFailed(engine);
        ProjectionStatus status = engine.status("ledger");
        int failing = status.segments().get(0).state() == ProjectionState.FAILED ? 0 : 1;
        assertThat(status.failure().position()).isEqualTo(3);
        assertThat(status.failure().message()).contains("Gone");
        assertThat(status.segments().get(failing).position()).isEqualTo(2);
        ProjectionStatus other = status.segments().get(1 - failing);
        assertThat(engine.awaitPosition("ledger", 16, Duration.ofMillis(1))).isFalse();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (other.position() < 16 && System.nanoTime() < deadline) {
            Thread.sleep(10);
            other = engine.status("ledger").segments().get(1 - failing);
        }
        assertThat(other.state()).as("the other segment read past the event without decoding it")
                .isEqualTo(ProjectionState.RUNNING);
        assertThat(other.position()).isEqualTo(16);
    }

    @Test
    @Timeout(120)
    void aRetryOfParkedEventsAskedOfAnotherNodeTakesTurnsWithTheBatchOfTheNodeHoldingTheProjection() throws Exception {
        LedgerRows rowsOfA = new LedgerRows();
        rowsOfA.failAmount = 5;
        ProjectionEngine nodeA = start(store, rowsOfA, ProjectionMode.ASYNC, 1, FailurePolicy.PARK);
        credit(10);
        assertThat(nodeA.awaitPosition("ledger", 10, Duration.ofSeconds(30))).isTrue();
        assertThat(nodeA.parked("ledger")).extracting(ParkedEvent::position).containsExactly(5L);
        ProjectionEngine nodeB = start(database().freshStoreKeepingData(EventTypeRegistry.of(List.of(Credited.class))),
                new LedgerRows(), ProjectionMode.ASYNC, 1, FailurePolicy.PARK);
        LedgerRows.Hold hold = LedgerRows.Hold.at(12);
        rowsOfA.hold = hold;
        credit(2);
        assertThat(hold.reached().await(30, TimeUnit.SECONDS)).isTrue();

        ExecutorService operator = Executors.newSingleThreadExecutor();
        try {
            Future<ParkedRetry> retry = operator.submit(() -> nodeB.retryParked("ledger"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!retry.isDone() && !database().aTransactionWaitsForALock() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(retry.isDone()).as("the retry waits for node-1's batch in flight").isFalse();
            assertThat(database().aTransactionWaitsForALock()).as("the retry waits on the database's lock").isTrue();
            hold.release().countDown();

            assertThat(retry.get(30, TimeUnit.SECONDS).applied()).containsExactly(5L);
        } finally {
            hold.release().countDown();
            operator.shutdownNow();
        }
        assertThat(nodeA.awaitPosition("ledger", 12, Duration.ofSeconds(30))).isTrue();
        assertThat(rows()).isEqualTo(12);
        assertThat(nodeA.parked("ledger")).isEmpty();
    }

    @Test
    void aNodeThatStopsHandsItsProjectionToTheOtherAtOnce() throws Exception {
        credit(20);
        ProjectionEngine nodeA = start(new LedgerRows(), ProjectionMode.ASYNC);
        assertThat(nodeA.awaitPosition("ledger", 20, Duration.ofSeconds(20))).isTrue();
        ProjectionEngine nodeB = start(database().freshStoreKeepingData(EventTypeRegistry.of(List.of(Credited.class))),
                new LedgerRows(), ProjectionMode.ASYNC);
        assertThat(nodeB.status("ledger").owner()).isEqualTo("node-1");

        nodeA.close();
        credit(5);

        assertThat(nodeB.awaitPosition("ledger", 25, Duration.ofSeconds(30))).isTrue();
        assertThat(nodeB.status("ledger").owner()).isEqualTo("node-2");
        assertThat(rows()).isEqualTo(25);
    }

    @Test
    void anInlineProjectionInTheDatabaseHasAppliedWhatAnotherNodeCommitted() throws Exception {
        ProjectionEngine nodeA = start(new LedgerRows(), ProjectionMode.INLINE);
        JpaEventStore storeOfB = database().freshStoreKeepingData(EventTypeRegistry.of(List.of(Credited.class)));
        ProjectionEngine nodeB = start(storeOfB, new LedgerRows(), ProjectionMode.INLINE);

        long position = storeOfB.append("acc", AppendCondition.any(), List.of(new NewEvent(EventIds.next(),
                "Credited", 1, new Credited("acc", 7), null, null, null))).events().get(0).globalPosition();

        assertThat(nodeB.awaitPosition("ledger", position, Duration.ZERO)).isTrue();
        assertThat(rows()).as("B's append wrote the read model in its transaction").isEqualTo(1);
        assertThat(nodeA.awaitPosition("ledger", position, Duration.ZERO))
                .as("A reads the same rows: it has applied what B committed").isTrue();
        assertThat(nodeA.awaitPosition("ledger", position + 1, Duration.ofMillis(1)))
                .as("nothing was committed there yet").isFalse();
    }

    @Test
    @Timeout(60)
    void anInlineProjectionInTheDatabaseAnswersAWaitForAPositionAnotherNodeCommitsMeanwhile() throws Exception {
        ProjectionEngine nodeA = start(new LedgerRows(), ProjectionMode.INLINE);
        JpaEventStore storeOfB = database().freshStoreKeepingData(EventTypeRegistry.of(List.of(Credited.class)));
        start(storeOfB, new LedgerRows(), ProjectionMode.INLINE);
        ExecutorService waiter = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> waiting = waiter.submit(() -> nodeA.awaitPosition("ledger", 1, Duration.ofMinutes(10)));

            storeOfB.append("acc", AppendCondition.any(), List.of(new NewEvent(EventIds.next(), "Credited", 1,
                    new Credited("acc", 7), null, null, null)));

            assertThat(waiting.get()).as("answered once the committed head passed it, not at the timeout")
                    .isTrue();
        } finally {
            waiter.shutdownNow();
        }
    }

    /** Three threads appending ten credits each, one append per transaction. */
    private List<Future<?>> appendConcurrently(ExecutorService appenders) {
        List<Future<?>> appends = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            appends.add(appenders.submit(() -> {
                for (int i = 0; i < 10; i++) {
                    credit(1, i);
                }
            }));
        }
        return appends;
    }

    private ProjectionEngine start(LedgerRows rows, ProjectionMode mode) {
        return start(store, rows, mode);
    }

    /**
     * An engine over {@code node}: another store instance on the same database, and another node name, stand for
     * another server.
     */
    private ProjectionEngine start(JpaEventStore node, LedgerRows rows, ProjectionMode mode) {
        return start(node, rows, mode, 1);
    }

    private ProjectionEngine start(JpaEventStore node, LedgerRows rows, ProjectionMode mode, int segments) {
        return start(node, rows, mode, segments, FailurePolicy.STOP);
    }

    private ProjectionEngine start(JpaEventStore node, LedgerRows rows, ProjectionMode mode, int segments,
                                   FailurePolicy onFailure) {
        ProjectionSettings settings = new ProjectionSettings(SETTINGS.batchSize(), SETTINGS.pollInterval(),
                SETTINGS.maxRetries(), SETTINGS.retryBackoff(), Duration.ofSeconds(2), "node-" + (engines.size() + 1));
        Problems problems = new Problems();
        var model = ProjectionInspector.inspect(List.of(new ProjectionBean(LedgerRows.class, "ledger", mode,
                ReadModel.STORED, onFailure, segments)), problems).get(0);
        assertThat(problems.messages()).isEmpty();
        ProjectionEngine engine = ProjectionEngine.create(StoreCapabilities.of(node), "the JPA store", settings,
                List.of(new BoundProjection(model, rows)), workers.executor(Lane.PROJECTIONS), workers.timer(), Clock.systemUTC(),
                problems)
                .orElseThrow();
        engines.add(engine);
        engine.start();
        return engine;
    }

    private void credit(int count) {
        for (int i = 1; i <= count; i++) {
            credit(1, (int) store.headPosition() + 1);
        }
    }

    private void credit(int count, int amount) {
        List<NewEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(new NewEvent(EventIds.next(), "Credited", 1, new Credited("acc", amount), null, null, null));
        }
        store.append("acc", AppendCondition.any(), events);
    }

    /** {@code count} credits, one per append, to eight accounts in turn. */
    private void creditStreams(int count) {
        for (int i = 0; i < count; i++) {
            String account = "acc-" + i % 8;
            store.append(account, AppendCondition.any(), List.of(new NewEvent(EventIds.next(), "Credited", 1,
                    new Credited(account, i), null, null, null)));
        }
    }

    private long rows() {
        return database().transactions().read(em -> ((Number) em.unwrap(Session.class)
                .createNativeQuery("SELECT COUNT(*) FROM test_ledger", Long.class).getSingleResult()).longValue());
    }

    private static void awaitFailed(ProjectionEngine engine) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (engine.status("ledger").state() != ProjectionState.FAILED) {
            assertThat(System.nanoTime()).as("the projection fails").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
