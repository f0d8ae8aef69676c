package dev.allframe.core.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.EventEnvelope;
import dev.allframe.core.EventIds;
import dev.allframe.core.EventTypes;
import dev.allframe.core.projection.Ledger.Credit;
import dev.allframe.memory.InMemoryEventStore;
import dev.allframe.projection.ProjectionMode;
import dev.allframe.projection.ProjectionState;
import dev.allframe.spi.checkpoint.CheckpointStore;
import dev.allframe.projection.ProjectionStatus;
import dev.allframe.spi.checkpoint.ProjectionControl;
import dev.allframe.spi.checkpoint.ProjectionLease;
import dev.allframe.spi.checkpoint.ProjectionLeases;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.NewEvent;
import dev.allframe.testing.LogCapture;
import dev.allframe.testing.ManualTimer;
import dev.allframe.testing.RecordingTelemetry;
import dev.allframe.testing.QueuedExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Nodes sharing one store take turns on each async projection: the node holding its lease applies its events, and
 * no other. Each node runs its tasks on a queued executor of its own, so that the test decides which node gets to
 * run, and all share one manual timer, so that leases run out when the test moves time, not when the machine is
 * slow. A node whose executor the test no longer runs is a node that hangs or died.
 */
class ProjectionOwnershipTest {

    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final Duration POLL = Duration.ofMillis(50);

    private final ManualTimer timer = new ManualTimer();
    private final InMemoryEventStore store = new InMemoryEventStore();
    private final InMemoryCheckpoints shared = new InMemoryCheckpoints(timer.clock());
    private final Map<String, Node> nodes = new LinkedHashMap<>();

    @AfterEach
    void stop() {
        nodes.values().forEach(node -> node.engine.close());
    }

    @Test
    void onlyTheNodeHoldingTheLeaseAppliesAProjectionsEvents() throws Exception {
        Node a = start("node-a", "ledger");
        Node b = start("node-b", "ledger");
        credit(5);
        runAll();

        assertThat(a.ledger("ledger").seen).hasSize(5);
        assertThat(b.ledger("ledger").seen).as("node-b does not hold the lease").isEmpty();
        assertThat(a.engine.status("ledger").owner()).isEqualTo("node-a");
        assertThat(b.engine.status("ledger").owner()).isEqualTo("node-a");
        assertThat(b.engine.status("ledger").position()).as("node-b's position follows the checkpoint")
                .isEqualTo(5);
        assertThat(b.engine.awaitPosition("ledger", 5, Duration.ZERO)).isTrue();
    }

    @Test
    void aProjectionMovesToALiveNodeOnceTheLeaseOfItsDeadNodeRanOutAndTheDeadNodeCannotApplyAnyMore()
            throws Exception {
        Node a = start("node-a", "ledger");
        Node b = start("node-b", "ledger");
        credit(3);
        runAll();
        assertThat(a.ledger("ledger").seen).hasSize(3);

        credit(4);
        b.executor.runAll();
        advance(LEASE.minusMillis(1), b);
        assertThat(b.ledger("ledger").seen).as("node-a's lease still runs").isEmpty();

        try (LogCapture log = LogCapture.of(LeasedOwnership.class)) {
            advance(LEASE.dividedBy(3), b);
            assertThat(b.ledger("ledger").seen).as("node-b took over after node-a's checkpoint")
                    .containsExactly("Credit[account=acc, amount=1]@4", "Credit[account=acc, amount=1]@5",
                            "Credit[account=acc, amount=1]@6", "Credit[account=acc, amount=1]@7");
            assertThat(b.engine.status("ledger").owner()).isEqualTo("node-b");
            assertThat(a.telemetry.taken()).as("node-a took the lease at start").containsExactly("ledger");
            assertThat(b.telemetry.taken()).as("and node-b took it over").containsExactly("ledger");

            a.executor.runAll();
            assertThat(a.ledger("ledger").seen).as("node-a came back: it finds its lease lost before its next batch")
                    .hasSize(3);
            credit(1);
            runAll();
            advance(POLL, a, b);
            assertThat(a.ledger("ledger").seen).hasSize(3);
            assertThat(b.ledger("ledger").seen).hasSize(5);
            assertThat(a.engine.status("ledger").owner()).isEqualTo("node-b");
            assertThat(a.engine.status("ledger").position()).as("node-a follows the checkpoint at its next poll")
                    .isEqualTo(8);
            assertThat(log.lines()).contains("INFO AF1203: Projection 'ledger' is applied on node node-b now (lease"
                    + " token 2)", "WARNING AF1192: Projection 'ledger': node node-a no longer holds its lease (token"
                    + " 1), found at its renewal: another node took the projection over, or the lease ran out while this"
                    + " node did not renew it; this node applies none of its events until it takes the lease again");
        }
    }

    @Test
    void aLiveNodeRenewsItsLeaseAndKeepsTheProjection() throws Exception {
        Node a = start("node-a", "ledger");
        Node b = start("node-b", "ledger");
        runAll();
        for (int i = 0; i < 10; i++) {
            credit(1);
            advance(LEASE.dividedBy(2), a, b);
        }

        assertThat(a.ledger("ledger").seen).hasSize(10);
        assertThat(b.ledger("ledger").seen).isEmpty();
        assertThat(a.engine.status("ledger").state()).isEqualTo(ProjectionState.RUNNING);
    }

    @Test
    void aNodeThatStopsHandsItsProjectionsOverWithoutWaitingForItsLeases() throws Exception {
        Node a = start("node-a", "ledger");
        Node b = start("node-b", "ledger");
        credit(2);
        runAll();
        assertThat(a.ledger("ledger").seen).hasSize(2);

        try (LogCapture log = LogCapture.of(LeasedOwnership.class)) {
            a.engine.close();
            nodes.remove("node-a");
            assertThat(log.lines()).containsExactly("INFO AF1204: Projection 'ledger' handed over by node node-a:"
                    + " another node takes it");
        }
        credit(2);
        advance(LEASE.dividedBy(3), b);

        assertThat(b.ledger("ledger").seen).containsExactly("Credit[account=acc, amount=1]@3",
                "Credit[account=acc, amount=1]@4");
    }

    @Test
    void projectionsSpreadAcrossTheLiveNodesAndComeBackWhenANodeLeaves() throws Exception {
        String[] four = {"p1", "p2", "p3", "p4"};
        Node a = start("node-a", four);
        runAll();
        assertThat(owned(a, four)).as("alone, node-a takes them all").hasSize(4);

        Node b = start("node-b", four);
        runAll();
        for (int i = 0; i < 4; i++) {
            advance(LEASE.dividedBy(3), a, b);
        }
        assertThat(owned(a, four)).as("node-a gave up what is beyond its share").hasSize(2);
        assertThat(owned(b, four)).hasSize(2);
        credit(1);
        runAll();
        for (String projection : four) {
            assertThat(a.ledger(projection).seen.size() + b.ledger(projection).seen.size())
                    .as("each projection is applied once, by its owner").isEqualTo(1);
        }

        b.engine.close();
        nodes.remove("node-b");
        for (int i = 0; i < 3; i++) {
            advance(LEASE.dividedBy(3), a);
        }
        assertThat(owned(a, four)).as("node-b left: node-a takes its share back").hasSize(4);
    }

    @Test
    void aPauseAskedOfANodeThatDoesNotHoldTheProjectionHoldsItWhereItIsAppliedAndShowsEverywhere() throws Exception {
        Node a = start("node-a", "ledger");
        Node b = start("node-b", "ledger");
        credit(2);
        runAll();

        b.engine.pause("ledger");
        credit(3);
        advance(POLL.multipliedBy(3), a, b);

        assertThat(a.ledger("ledger").seen).as("node-a holds it and pauses at its next step").hasSize(2);
        assertThat(a.engine.status("ledger").state()).isEqualTo(ProjectionState.PAUSED);
        assertThat(b.engine.status("ledger").state()).isEqualTo(ProjectionState.PAUSED);
        advance(LEASE.multipliedBy(2), a, b);
        assertThat(a.engine.status("ledger").owner()).as("a paused projection keeps its lease").isEqualTo("node-a");

        b.engine.resume("ledger");
        advance(POLL.multipliedBy(3), a, b);
        assertThat(a.ledger("ledger").seen).hasSize(5);
        assertThat(a.engine.status("ledger").state()).isEqualTo(ProjectionState.RUNNING);
        assertThat(b.engine.status("ledger").state()).isEqualTo(ProjectionState.RUNNING);
    }

    @Test
    void aFailureShowsOnEveryNodeAndAResumeAskedOfAnyNodeTriesAgainWhereTheProjectionIsApplied() throws Exception {
        Node a = start("node-a", "ledger");
        Node b = start("node-b", "ledger");
        a.ledger("ledger").failOn = "@2";
        credit(3);
        runAll();

        ProjectionStatus onB = b.engine.status("ledger");
        assertThat(onB.state()).isEqualTo(ProjectionState.FAILED);
        assertThat(onB.failure().position()).isEqualTo(2);
        assertThat(onB.failure()).isEqualTo(a.engine.status("ledger").failure());
        assertThat(onB.position()).isEqualTo(1);
        advance(POLL, a, b);
        assertThat(b.engine.awaitPosition("ledger", 3, Duration.ofSeconds(10))).as("fails at once on node-b too")
                .isFalse();

        a.ledger("ledger").failOn = null;
        b.engine.resume("ledger");
        advance(POLL.multipliedBy(3), a, b);

        assertThat(a.ledger("ledger").seen).hasSize(3);
        assertThat(b.engine.status("ledger").state()).isEqualTo(ProjectionState.RUNNING);
        assertThat(b.engine.status("ledger").position()).isEqualTo(3);
    }

    @Test
    void aRebuildAskedOfANodeThatDoesNotHoldTheProjectionIsDoneWhereItsReadModelIs() throws Exception {
        Node a = start("node-a", "ledger");
        Node b = start("node-b", "ledger");
        credit(4);
        runAll();

        b.engine.rebuild("ledger");
        ProjectionStatus asked = b.engine.status("ledger");
        assertThat(asked.state()).isEqualTo(ProjectionState.REBUILDING);
        assertThat(asked.rebuild()).isEqualTo(new ProjectionStatus.RebuildProgress(0, 4));
        assertThat(a.engine.status("ledger").state()).isEqualTo(ProjectionState.REBUILDING);
        advance(POLL.multipliedBy(3), a, b);

        assertThat(a.ledger("ledger").resets.get()).as("reset where the read model is").isEqualTo(1);
        assertThat(b.ledger("ledger").resets.get()).isZero();
        assertThat(a.ledger("ledger").seen).hasSize(4);
        assertThat(a.engine.status("ledger").state()).isEqualTo(ProjectionState.RUNNING);
        assertThat(b.engine.status("ledger").state()).isEqualTo(ProjectionState.RUNNING);
        assertThat(b.engine.status("ledger").position()).isEqualTo(4);
    }

    @Test
    void aNodeThatCannotRecordThatItLeftSaysSoAndTheOthersWaitForItsLeases() {
        ProjectionSettings settings = new ProjectionSettings(10, POLL, 0, Duration.ofMillis(10), LEASE, "node-a");
        QueuedExecutor executor = new QueuedExecutor();
        ProjectionEngine engine = TestEngines.create(store, new CannotLeave(shared), settings, executor, timer,
                timer.clock(), ProjectionEngineTest.projection("ledger", ProjectionMode.ASYNC, new Ledger()));
        engine.start();
        executor.runAll();

        try (LogCapture log = LogCapture.of(ProjectionEngine.class)) {
            engine.close();
            assertThat(log.lines()).containsExactly("WARNING AF1193: Node node-a could not record that it stopped;"
                    + " the others take its projections once its leases ran out");
        }
    }

    /** Leases whose {@code leave} fails, as when the database is gone. */
    private record CannotLeave(InMemoryCheckpoints leases) implements CheckpointStore, ProjectionLeases {

        @Override
        public long checkpoint(String projection) {
            return leases.checkpoint(projection);
        }

        @Override
        public long applyBatch(String projection, long after, List<EventEnvelope> events,
                               Consumer<EventEnvelope> apply) {
            return leases.applyBatch(projection, after, events, apply);
        }

        @Override
        public void reset(String projection, Runnable reset) {
            leases.reset(projection, reset);
        }

        @Override
        public Optional<ProjectionLease> claim(String projection, String node, Duration duration) {
            return leases.claim(projection, node, duration);
        }

        @Override
        public void release(ProjectionLease lease) {
            leases.release(lease);
        }

        @Override
        public Optional<ProjectionLease> holder(String projection) {
            return leases.holder(projection);
        }

        @Override
        public long applyBatch(ProjectionLease lease, long after, List<EventEnvelope> events,
                               Consumer<EventEnvelope> apply) {
            return leases.applyBatch(lease, after, events, apply);
        }

        @Override
        public int liveNodes(String node, Duration duration) {
            return leases.liveNodes(node, duration);
        }

        @Override
        public void leave(String node) {
            throw new IllegalStateException("database gone");
        }

        @Override
        public ProjectionControl control(String projection) {
            return leases.control(projection);
        }

        @Override
        public ProjectionControl changeControl(String projection, UnaryOperator<ProjectionControl> change) {
            return leases.changeControl(projection, change);
        }
    }

    private static List<String> owned(Node node, String... projections) {
        List<String> owned = new ArrayList<>();
        for (String projection : projections) {
            if (node.name.equals(node.engine.status(projection).owner())) {
                owned.add(projection);
            }
        }
        return owned;
    }

    private Node start(String name, String... projections) {
        Node node = new Node(name, new QueuedExecutor(), new LinkedHashMap<>());
        List<BoundProjection> bound = new ArrayList<>();
        for (String projection : projections) {
            Ledger ledger = new Ledger();
            node.ledgers.put(projection, ledger);
            bound.add(ProjectionEngineTest.projection(projection, ProjectionMode.ASYNC, ledger));
        }
        ProjectionSettings settings = new ProjectionSettings(10, POLL, 0, Duration.ofMillis(10), LEASE, name);
        node.engine = TestEngines.create(store, shared, settings, node.executor, timer, timer.clock(), node.telemetry,
                bound.toArray(BoundProjection[]::new));
        nodes.put(name, node);
        node.engine.start();
        return node;
    }

    private void credit(int count) {
        for (int i = 0; i < count; i++) {
            store.append("acc", AppendCondition.any(), List.of(new NewEvent(EventIds.next(),
                    EventTypes.of(Credit.class).name(), 1, new Credit("acc", 1), null, null, null)));
        }
    }

    /** Moves time in polls, running the tasks of {@code running} only: the other nodes hang meanwhile. */
    private void advance(Duration duration, Node... running) {
        Duration left = duration;
        while (!left.isZero()) {
            Duration step = left.compareTo(POLL) < 0 ? left : POLL;
            timer.advance(step);
            for (Node node : running) {
                node.executor.runAll();
            }
            left = left.minus(step);
        }
    }

    private void runAll() {
        nodes.values().forEach(node -> node.executor.runAll());
    }

    private static final class Node {

        final String name;
        final QueuedExecutor executor;
        final Map<String, Ledger> ledgers;
        final RecordingTelemetry telemetry = new RecordingTelemetry();
        ProjectionEngine engine;

        Node(String name, QueuedExecutor executor, Map<String, Ledger> ledgers) {
            this.name = name;
            this.executor = executor;
            this.ledgers = ledgers;
        }

        Ledger ledger(String projection) {
            return ledgers.get(projection);
        }
    }
}
