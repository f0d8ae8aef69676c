package dev.allframe.core.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.AllFrameException;
import dev.allframe.core.EventIds;
import dev.allframe.core.EventTypes;
import dev.allframe.core.Problems;
import dev.allframe.core.projection.Ledger.Credit;
import dev.allframe.core.projection.ProjectionInspector.ProjectionBean;
import dev.allframe.memory.InMemoryEventStore;
import dev.allframe.projection.FailurePolicy;
import dev.allframe.projection.ParkedEvent;
import dev.allframe.projection.ProjectionMode;
import dev.allframe.projection.ProjectionState;
import dev.allframe.projection.ProjectionStatus;
import dev.allframe.projection.ReadModel;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.NewEvent;
import dev.allframe.testing.ManualTimer;
import dev.allframe.testing.QueuedExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A projection split into segments: each stream's events go to one segment, each segment is checkpointed and taken by
 * a node on its own, and the projection is still one to rebuild, pause, resume and wait for. The nodes share one
 * read model (one {@link Ledger}), as they share a database table; each runs its tasks on a queued executor of its
 * own, and all share one manual timer, so that the test decides who runs and when leases run out.
 */
class SegmentsTest {

    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final Duration POLL = Duration.ofMillis(50);

    private final ManualTimer timer = new ManualTimer();
    private final InMemoryEventStore store = new InMemoryEventStore();
    private final InMemoryCheckpoints shared = new InMemoryCheckpoints(timer.clock());
    private final Ledger readModel = new Ledger();
    private final Map<String, Node> nodes = new LinkedHashMap<>();

    @AfterEach
    void stop() {
        nodes.values().forEach(node -> node.engine.close());
    }

    @Test
    void eachEventIsAppliedOnceBySegmentOfItsStreamInTheStreamsOrder() {
        Node a = start("node-a", 4);
        appendToStreams(20, 5);
        runAll();

        assertThat(readModel.seen).hasSize(100).doesNotHaveDuplicates();
        for (int stream = 0; stream < 20; stream++) {
            String account = "acc-" + stream;
            assertThat(readModel.seen.stream().filter(seen -> seen.contains("account=" + account + ",")).toList())
                    .as("the events of %s in their order", account)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, 5)
                            .mapToObj(amount -> "Credit[account=" + account + ", amount=" + amount + "]").toList()
                            .stream().map(text -> readModel.seen.stream().filter(s -> s.startsWith(text + "@"))
                                    .findFirst().orElseThrow()).toList());
        }
        Set<Integer> used = new HashSet<>();
        for (int stream = 0; stream < 20; stream++) {
            used.add(Segment.of("acc-" + stream, 4));
        }
        assertThat(used).as("twenty streams spread over the four segments").containsExactlyInAnyOrder(0, 1, 2, 3);

        ProjectionStatus status = a.engine.status("ledger");
        assertThat(status.state()).isEqualTo(ProjectionState.RUNNING);
        assertThat(status.position()).isEqualTo(100);
        assertThat(status.lag()).isZero();
        assertThat(status.owner()).isEqualTo("node-a");
        assertThat(status.segments()).extracting(ProjectionStatus::name)
                .containsExactly("ledger[1/4]", "ledger[2/4]", "ledger[3/4]", "ledger[4/4]");
        assertThat(status.segments()).allSatisfy(segment -> {
            assertThat(segment.position()).isEqualTo(100);
            assertThat(segment.owner()).isEqualTo("node-a");
        });
        assertThat(a.engine.list()).extracting(ProjectionStatus::name).containsExactly("ledger");
        assertThat(shared.checkpoints("ledger")).containsOnlyKeys("ledger[1/4]", "ledger[2/4]", "ledger[3/4]",
                "ledger[4/4]");
    }

    @Test
    void twoNodesTakeOneSegmentEachAndApplyEveryEventOnce() {
        Node a = start("node-a", 2);
        Node b = joinAndShare("node-b", a);
        appendToStreams(10, 3);
        advance(POLL, a, b);

        ProjectionStatus onA = a.engine.status("ledger");
        ProjectionStatus onB = b.engine.status("ledger");
        assertThat(onA.segments()).extracting(ProjectionStatus::owner).as("one segment on each node")
                .containsExactlyInAnyOrder("node-a", "node-b");
        assertThat(onB.segments()).extracting(ProjectionStatus::owner)
                .containsExactlyElementsOf(onA.segments().stream().map(ProjectionStatus::owner).toList());
        assertThat(onA.owner()).isEqualTo("node-a, node-b");
        assertThat(readModel.seen).hasSize(30).doesNotHaveDuplicates();
        assertThat(a.applied + b.applied).isEqualTo(30);
        assertThat(a.applied).as("each node applied its segment's events").isPositive();
        assertThat(b.applied).isPositive();
        assertThat(onB.position()).isEqualTo(30);
        assertThat(onB.state()).isEqualTo(ProjectionState.RUNNING);
    }

    @Test
    void aRebuildAskedOfAnyNodeResetsTheReadModelOnceAndEverySegmentReplaysWhereverItRuns() throws Exception {
        Node a = start("node-a", 2);
        Node b = joinAndShare("node-b", a);
        appendToStreams(10, 3);
        advance(POLL, a, b);
        assertThat(readModel.seen).hasSize(30);

        b.engine.rebuild("ledger");
        ProjectionStatus rebuilding = a.engine.status("ledger");
        assertThat(rebuilding.state()).isEqualTo(ProjectionState.REBUILDING);
        assertThat(rebuilding.rebuild()).isEqualTo(new ProjectionStatus.RebuildProgress(0, 30));
        assertThat(readModel.resets.get()).isEqualTo(1);
        assertThat(readModel.seen).isEmpty();
        appendToStreams(2, 1);
        advance(POLL.multipliedBy(3), a, b);

        assertThat(readModel.resets.get()).as("the read model is reset once, for every segment").isEqualTo(1);
        assertThat(readModel.seen).hasSize(32).doesNotHaveDuplicates();
        assertThat(a.engine.status("ledger").state()).isEqualTo(ProjectionState.RUNNING);
        assertThat(b.engine.status("ledger").position()).isEqualTo(32);
        assertThat(b.engine.awaitPosition("ledger", 32, Duration.ZERO)).isTrue();
    }

    @Test
    void aPositionIsReachedOnceEverySegmentReachedIt() throws Exception {
        Node a = start("node-a", 2);
        Node b = joinAndShare("node-b", a);
        appendToStreams(10, 1);
        a.run();

        assertThat(a.engine.awaitPosition("ledger", 10, Duration.ZERO)).as("node-b's segment has not applied yet")
                .isFalse();
        assertThat(a.engine.status("ledger").position()).isZero();
        b.run();
        advance(POLL, a, b);
        assertThat(a.engine.awaitPosition("ledger", 10, Duration.ZERO)).as("node-a follows node-b's checkpoint")
                .isTrue();
        assertThat(b.engine.awaitPosition("ledger", 10, Duration.ZERO)).isTrue();
    }

    @Test
    void aPauseAndAResumeAskedOfOneNodeHoldAndFreeEverySegment() {
        Node a = start("node-a", 2);
        Node b = joinAndShare("node-b", a);
        b.engine.pause("ledger");
        appendToStreams(10, 1);
        advance(POLL.multipliedBy(3), a, b);

        assertThat(readModel.seen).isEmpty();
        assertThat(a.engine.status("ledger").state()).isEqualTo(ProjectionState.PAUSED);
        assertThat(a.engine.status("ledger").segments()).extracting(ProjectionStatus::state)
                .containsOnly(ProjectionState.PAUSED);

        a.engine.resume("ledger");
        advance(POLL.multipliedBy(3), a, b);
        assertThat(readModel.seen).hasSize(10);
        assertThat(b.engine.status("ledger").state()).isEqualTo(ProjectionState.RUNNING);
    }

    @Test
    void aFailingEventStopsItsSegmentOnlyAndIsParkedFromThere() {
        Node a = start("node-a", 2);
        readModel.failOn = "account=acc-3, amount=2";
        appendToStreams(10, 3);
        runAll();
        int failing = Segment.of("acc-3", 2);

        ProjectionStatus status = a.engine.status("ledger");
        assertThat(status.state()).isEqualTo(ProjectionState.FAILED);
        assertThat(status.failure().streamId()).isEqualTo("acc-3");
        assertThat(status.segments().get(failing).state()).isEqualTo(ProjectionState.FAILED);
        assertThat(status.segments().get(1 - failing).state()).as("the other segment goes on")
                .isEqualTo(ProjectionState.RUNNING);
        assertThat(status.segments().get(1 - failing).position()).isEqualTo(30);

        readModel.failOn = null;
        ParkedEvent parked = a.engine.skip("ledger", "alice", "booked by hand");
        runAll();
        assertThat(parked.projection()).isEqualTo("ledger[" + (failing + 1) + "/2]");
        assertThat(parked.streamId()).isEqualTo("acc-3");
        assertThat(a.engine.parked("ledger")).containsExactly(parked);
        assertThat(a.engine.status("ledger").state()).isEqualTo(ProjectionState.RUNNING);
        assertThat(a.engine.status("ledger").parked()).isEqualTo(1);
        assertThat(readModel.seen).hasSize(29);

        assertThat(a.engine.retryParked("ledger").applied()).containsExactly(parked.position());
        assertThat(readModel.seen).hasSize(30);
        assertThat(a.engine.parked("ledger")).isEmpty();
    }

    @Test
    void aProjectionWhoseSegmentsChangedAppliesNothingUntilRebuilt() throws Exception {
        Node two = start("node-a", 2);
        appendToStreams(10, 2);
        runAll();
        two.engine.close();
        nodes.remove("node-a");
        assertThat(readModel.seen).hasSize(20);

        Node three = start("node-b", 3);
        appendToStreams(1, 1);
        runAll();

        ProjectionStatus status = three.engine.status("ledger");
        assertThat(status.state()).isEqualTo(ProjectionState.FAILED);
        assertThat(status.failure().message()).isEqualTo("AF1172: Projection 'ledger' ran with other segments"
                + " before (checkpoints ledger[1/2] at 20, ledger[2/2] at 20), so its read model holds events its 3"
                + " segments would apply again: it starts once rebuilt (ProjectionRegistry.rebuild), or resumed if"
                + " that read model is empty");
        assertThat(readModel.seen).as("nothing applied twice").hasSize(20);

        three.engine.rebuild("ledger");
        runAll();
        assertThat(readModel.seen).hasSize(21).doesNotHaveDuplicates();
        assertThat(three.engine.status("ledger").state()).isEqualTo(ProjectionState.RUNNING);
        assertThat(shared.checkpoints("ledger")).containsEntry("ledger[1/2]", 0L).containsEntry("ledger[2/2]", 0L)
                .containsEntry("ledger[1/3]", 21L);
        three.engine.close();
        nodes.remove("node-b");

        Node again = start("node-c", 3);
        runAll();
        assertThat(again.engine.status("ledger").state()).as("rebuilt once, it runs on").isEqualTo(
                ProjectionState.RUNNING);

        again.engine.close();
        nodes.remove("node-c");
        Node whole = start("node-d", 1);
        runAll();
        assertThat(whole.engine.status("ledger").failure().message()).as("back to one segment").startsWith(
                "AF1172: Projection 'ledger' ran with other segments before (checkpoints ledger[1/3] at 21,"
                        + " ledger[2/3] at 21, ledger[3/3] at 21), so its read model holds events its whole"
                        + " projection would apply again");
    }

    @Test
    void onlyAsyncProjectionsWithAStoredReadModelAreSplitAndIntoOneToSixtyFourSegments() {
        Problems problems = new Problems();
        ProjectionInspector.inspect(List.of(
                new ProjectionBean(Ledger.class, "zero", ProjectionMode.ASYNC, ReadModel.STORED, FailurePolicy.STOP, 0),
                new ProjectionBean(Ledger.class, "many", ProjectionMode.ASYNC, ReadModel.STORED, FailurePolicy.STOP,
                        65),
                new ProjectionBean(Ledger.class, "inline", ProjectionMode.INLINE, ReadModel.STORED, FailurePolicy.STOP,
                        2),
                new ProjectionBean(Ledger.class, "memory", ProjectionMode.ASYNC, ReadModel.MEMORY, FailurePolicy.STOP,
                        2),
                new ProjectionBean(Ledger.class, "fine", ProjectionMode.ASYNC, ReadModel.STORED, FailurePolicy.STOP,
                        64)), problems);

        assertThat(problems.messages()).extracting(Object::toString).containsExactly(
                "AF1052: Projection 'inline' (dev.allframe.core.projection.Ledger) declares 2 segments but is INLINE"
                        + " with readModel = STORED: segments share the work on a stored read model between nodes, so"
                        + " only an ASYNC projection with readModel = STORED has more than one",
                "AF1051: Projection 'many' (dev.allframe.core.projection.Ledger) declares 65 segments; a projection"
                        + " has 1 to 64",
                "AF1052: Projection 'memory' (dev.allframe.core.projection.Ledger) declares 2 segments but is ASYNC"
                        + " with readModel = MEMORY: segments share the work on a stored read model between nodes, so"
                        + " only an ASYNC projection with readModel = STORED has more than one",
                "AF1051: Projection 'zero' (dev.allframe.core.projection.Ledger) declares 0 segments; a projection"
                        + " has 1 to 64");
    }

    @Test
    void aSegmentsKeyNamesItsProjectionAndTheHashIsFixed() {
        assertThat(new Segment(1, 4).key("ledger")).isEqualTo("ledger[2/4]");
        assertThat(Segment.WHOLE.key("ledger")).isEqualTo("ledger");
        assertThat(Segment.belongsTo("ledger[2/4]", "ledger")).isTrue();
        assertThat(Segment.belongsTo("ledger", "ledger")).isTrue();
        assertThat(Segment.belongsTo("ledger[x]", "ledger")).isFalse();
        assertThat(Segment.belongsTo("ledgers[1/2]", "ledger")).isFalse();
        assertThat(IntStream.range(0, 8).mapToObj(i -> Segment.of("acc-" + i, 4)).toList())
                .as("the same in every process and release: changing it would move streams between segments")
                .containsExactly(0, 2, 1, 1, 2, 0, 3, 3);
    }

    @Test
    void aStoreThatCannotResetSeveralCheckpointsAtOnceSaysSoWhenASplitProjectionIsRebuilt() {
        InMemoryCheckpoints checkpoints = new InMemoryCheckpoints(timer.clock());
        dev.allframe.spi.checkpoint.CheckpointStore oneAtATime = new dev.allframe.spi.checkpoint.CheckpointStore() {
            @Override
            public long checkpoint(String projection) {
                return checkpoints.checkpoint(projection);
            }

            @Override
            public long applyBatch(String projection, long after, List<dev.allframe.EventEnvelope> events,
                                   java.util.function.Consumer<dev.allframe.EventEnvelope> apply) {
                return checkpoints.applyBatch(projection, after, events, apply);
            }

            @Override
            public void reset(String projection, Runnable reset) {
                checkpoints.reset(projection, reset);
            }
        };
        QueuedExecutor executor = new QueuedExecutor();
        ProjectionEngine engine = TestEngines.create(store, oneAtATime, settings("node-a"), executor, timer,
                timer.clock(), projection(2));
        engine.start();

        assertThatThrownBy(() -> engine.rebuild("ledger")).isInstanceOf(AllFrameException.class).hasMessage(
                "AF1173: Projection 'ledger' is split into 2 segments, but the test store cannot reset their"
                        + " checkpoints together with the read model (CheckpointStore.reset(Collection, Runnable)),"
                        + " so it cannot be rebuilt there: use a store that can (jpa)");
        assertThat(readModel.resets.get()).isZero();
        engine.close();
    }

    private BoundProjection projection(int segments) {
        Problems problems = new Problems();
        List<ProjectionModel> models = ProjectionInspector.inspect(List.of(new ProjectionBean(Ledger.class, "ledger",
                ProjectionMode.ASYNC, ReadModel.STORED, FailurePolicy.STOP, segments)), problems);
        assertThat(problems.messages()).isEmpty();
        return new BoundProjection(models.get(0), readModel);
    }

    private static ProjectionSettings settings(String node) {
        return new ProjectionSettings(10, POLL, 0, Duration.ofMillis(10), LEASE, node);
    }

    private Node start(String name, int segments) {
        Node node = new Node(name, new QueuedExecutor());
        node.engine = TestEngines.create(store, shared, settings(name), node.executor, timer, timer.clock(),
                projection(segments));
        nodes.put(name, node);
        node.engine.start();
        return node;
    }

    /** A second node for the projection in two segments, once each node took one of them. */
    private Node joinAndShare(String name, Node first) {
        runAll();
        Node second = start(name, 2);
        for (int i = 0; i < 4; i++) {
            advance(LEASE.dividedBy(3), first, second);
        }
        return second;
    }

    /** {@code events} credits, of amounts 1, 2, ..., to each of {@code streams} accounts, the streams taking turns. */
    private void appendToStreams(int streams, int events) {
        for (int amount = 1; amount <= events; amount++) {
            for (int stream = 0; stream < streams; stream++) {
                store.append("acc-" + stream, AppendCondition.any(), List.of(new NewEvent(EventIds.next(),
                        EventTypes.of(Credit.class).name(), 1, new Credit("acc-" + stream, amount), null, null,
                        null)));
            }
        }
    }

    private void advance(Duration duration, Node... running) {
        Duration left = duration;
        while (!left.isZero()) {
            Duration step = left.compareTo(POLL) < 0 ? left : POLL;
            timer.advance(step);
            for (Node node : running) {
                node.run();
            }
            left = left.minus(step);
        }
    }

    private void runAll() {
        new ArrayList<>(nodes.values()).forEach(Node::run);
    }

    private final class Node {

        final String name;
        final QueuedExecutor executor;
        ProjectionEngine engine;

        Node(String name, QueuedExecutor executor) {
            this.name = name;
            this.executor = executor;
        }

        /** How many events this node applied, counted as its executor ran. */
        int applied;

        void run() {
            int before = readModel.seen.size();
            executor.runAll();
            applied += readModel.seen.size() - before;
        }
    }
}
