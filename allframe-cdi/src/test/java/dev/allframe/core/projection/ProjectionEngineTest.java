package dev.allframe.core.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.AllFrameException;
import dev.allframe.EventEnvelope;
import dev.allframe.core.EventIds;
import dev.allframe.core.Problems;
import dev.allframe.core.projection.Ledger.Credit;
import dev.allframe.core.projection.Ledger.Debit;
import dev.allframe.core.projection.Ledger.Note;
import dev.allframe.core.projection.ProjectionInspector.ProjectionBean;
import dev.allframe.memory.InMemoryEventStore;
import dev.allframe.projection.NoSuchProjectionException;
import dev.allframe.projection.ProjectionFailedException;
import dev.allframe.projection.ProjectionMode;
import dev.allframe.projection.ProjectionState;
import dev.allframe.projection.ProjectionStatus;
import dev.allframe.projection.ReadModel;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.AppendResult;
import dev.allframe.spi.event.NewEvent;
import dev.allframe.spi.event.Subscription;
import dev.allframe.testing.ForwardingEventStore;
import dev.allframe.testing.ManualTimer;
import dev.allframe.testing.QueuedExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The projection engine on a queued executor and a manual timer: each test runs the engine's tasks and moves its
 * time itself, so that nothing depends on how busy the machine is.
 */
class ProjectionEngineTest {

    private static final ProjectionSettings FAST = new ProjectionSettings(3, Duration.ofMillis(50), 2,
            Duration.ofMillis(10));

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final InMemoryCheckpoints checkpoints = new InMemoryCheckpoints();
    private final QueuedExecutor executor = new QueuedExecutor();
    private final ManualTimer timer = new ManualTimer();
    private final List<ProjectionEngine> engines = new ArrayList<>();

    @AfterEach
    void stop() {
        engines.forEach(ProjectionEngine::close);
    }

    @Test
    void anAsyncProjectionSeesEveryEventInOrderWithItsEnvelope() throws Exception {
        Ledger ledger = new Ledger();
        ProjectionEngine engine = start(store, FAST, projection("ledger", ProjectionMode.ASYNC, ledger));

        append("a", new Credit("a", 5), new Note("ignored"), new Debit("a", 2));
        AppendResult last = append("b", new Credit("b", 7));
        executor.runAll();

        assertThat(engine.awaitPosition("ledger", last.events().get(0).globalPosition(), Duration.ZERO)).isTrue();
        assertThat(ledger.seen).containsExactly("Credit[account=a, amount=5]@1", "Debit[account=a, amount=2]@3",
                "Credit[account=b, amount=7]@4");
        ProjectionStatus status = engine.status("ledger");
        assertThat(status.state()).isEqualTo(ProjectionState.RUNNING);
        assertThat(status.mode()).isEqualTo(ProjectionMode.ASYNC);
        assertThat(status.position()).isEqualTo(4);
        assertThat(status.lag()).isZero();
        assertThat(status.lastEventTime()).isEqualTo(last.events().get(0).timestamp());
        assertThat(checkpoints.checkpoint("ledger")).isEqualTo(4);
        assertThat(timer.pending()).as("an idle projection polls").containsExactly(FAST.pollInterval());
    }

    @Test
    void withoutAnAppendToWakeItAProjectionLooksAtTheLogAfterThePollInterval() throws Exception {
        ForwardingEventStore silent = new ForwardingEventStore() {
            @Override
            public Subscription subscribe(dev.allframe.spi.event.AppendListener listener) {
                return () -> { };
            }
        };
        Ledger ledger = new Ledger();
        ProjectionEngine engine = start(silent, FAST, projection("ledger", ProjectionMode.ASYNC, ledger));
        executor.runAll();

        silent.append("a", AppendCondition.any(), newEvents(new Credit("a", 1)));
        timer.advance(FAST.pollInterval().minusMillis(1));
        executor.runAll();
        assertThat(ledger.seen).isEmpty();

        timer.advance(Duration.ofMillis(1));
        executor.runAll();
        assertThat(ledger.seen).containsExactly("Credit[account=a, amount=1]@1");
        assertThat(engine.status("ledger").position()).isEqualTo(1);
    }

    @Test
    void aPageShorterThanABatchEndsTheWorkUntilTheNextAppendOrPollWithoutAReadForNothing() throws Exception {
        List<Long> readsAfter = new java.util.concurrent.CopyOnWriteArrayList<>();
        ForwardingEventStore counting = new ForwardingEventStore() {
            @Override
            public List<EventEnvelope> readAll(long afterPosition, int maxCount) {
                readsAfter.add(afterPosition);
                return super.readAll(afterPosition, maxCount);
            }
        };
        Ledger ledger = new Ledger();
        start(counting, FAST, projection("ledger", ProjectionMode.ASYNC, ledger));
        executor.runAll();
        readsAfter.clear();

        counting.append("a", AppendCondition.any(), newEvents(new Credit("a", 1), new Credit("a", 2)));
        executor.runAll();
        assertThat(ledger.seen).hasSize(2);
        assertThat(readsAfter).as("two events, fewer than a batch of three: the end of the log").containsExactly(0L);
        assertThat(timer.pending()).as("the poll").containsExactly(FAST.pollInterval());

        counting.append("a", AppendCondition.any(), newEvents(new Credit("a", 3), new Credit("a", 4),
                new Credit("a", 5)));
        executor.runAll();
        assertThat(ledger.seen).hasSize(5);
        assertThat(readsAfter).as("a full batch: what may follow it is read").containsExactly(0L, 2L, 5L);

        timer.advance(FAST.pollInterval());
        executor.runAll();
        assertThat(readsAfter).as("the poll reads").containsExactly(0L, 2L, 5L, 5L);
    }

    @Test
    void aFailingEventIsRetriedAfterItsBackOffThenStopsTheProjectionThereWithoutSkippingIt() throws Exception {
        Ledger failing = new Ledger();
        failing.failOn = "amount=13";
        Ledger healthy = new Ledger();
        ProjectionEngine engine = start(store, FAST, projection("failing", ProjectionMode.ASYNC, failing),
                projection("healthy", ProjectionMode.ASYNC, healthy));

        append("a", new Credit("a", 1), new Credit("a", 13), new Credit("a", 2));
        executor.runAll();
        assertThat(failing.calls.get()).as("the first attempt").isEqualTo(1 + 1);
        AppendResult after = append("a", new Debit("a", 1));
        executor.runAll();
        assertThat(failing.calls.get()).as("an append does not cut the back-off short").isEqualTo(1 + 1);
        timer.advance(FAST.backoff(0));
        executor.runAll();
        assertThat(failing.calls.get()).as("the first retry").isEqualTo(1 + 2);
        assertThat(engine.status("failing").state()).isEqualTo(ProjectionState.RUNNING);
        timer.advance(FAST.backoff(1).minusMillis(1));
        executor.runAll();
        assertThat(failing.calls.get()).as("the back-off doubles").isEqualTo(1 + 2);
        timer.advance(Duration.ofMillis(1));
        executor.runAll();
        long head = after.events().get(0).globalPosition();

        assertThat(engine.awaitPosition("healthy", head, Duration.ZERO)).isTrue();
        assertThat(engine.awaitPosition("failing", head, Duration.ofSeconds(10))).as("fails at once").isFalse();
        ProjectionStatus status = engine.status("failing");
        assertThat(status.state()).isEqualTo(ProjectionState.FAILED);
        assertThat(status.position()).isEqualTo(1);
        assertThat(status.failure().position()).isEqualTo(2);
        assertThat(status.failure().message()).isEqualTo("AF1119: Projection 'failing' failed on event Ledger.Credit"
                + " at position 2 (stream 'a', version 2) in dev.allframe.core.projection.Ledger#on(Entry, EventEnvelope):"
                + " java.lang.IllegalStateException: cannot book Credit[account=a, amount=13]");
        assertThat(failing.seen).containsExactly("Credit[account=a, amount=1]@1");
        assertThat(failing.calls.get()).isEqualTo(1 + 3);
        assertThat(healthy.seen).hasSize(4);
        timer.advance(Duration.ofMinutes(1));
        executor.runAll();
        assertThat(failing.calls.get()).as("a failed projection stays where it stopped").isEqualTo(1 + 3);

        failing.failOn = null;
        engine.resume("failing");
        executor.runAll();

        assertThat(engine.awaitPosition("failing", head, Duration.ZERO)).isTrue();
        assertThat(failing.seen).containsExactly("Credit[account=a, amount=1]@1", "Credit[account=a, amount=13]@2",
                "Credit[account=a, amount=2]@3", "Debit[account=a, amount=1]@4");
        assertThat(engine.status("failing").state()).isEqualTo(ProjectionState.RUNNING);
    }

    @Test
    void anErrorInAHandlerStopsTheProjectionFailedAfterItsPosition() throws Exception {
        Ledger ledger = new Ledger();
        ledger.errorOn = "amount=2";
        ProjectionEngine engine = start(store, FAST, projection("ledger", ProjectionMode.ASYNC, ledger));

        append("a", new Credit("a", 1));
        executor.runAll();
        append("a", new Credit("a", 2));
        executor.runAll();

        ProjectionStatus status = engine.status("ledger");
        assertThat(status.state()).isEqualTo(ProjectionState.FAILED);
        assertThat(status.position()).isEqualTo(1);
        assertThat(status.failure().position()).isEqualTo(2);
        assertThat(status.failure().message())
                .isEqualTo("java.lang.LinkageError: cannot link Credit[account=a, amount=2]");
    }

    @Test
    void aPausedProjectionWaitsAndCatchesUpWhenResumed() throws Exception {
        Ledger ledger = new Ledger();
        ProjectionEngine engine = start(store, FAST, projection("ledger", ProjectionMode.ASYNC, ledger));
        append("a", new Credit("a", 1));
        executor.runAll();
        assertThat(engine.awaitPosition("ledger", 1, Duration.ZERO)).isTrue();

        engine.pause("ledger");
        append("a", new Credit("a", 2));
        executor.runAll();
        timer.advance(FAST.pollInterval().multipliedBy(4));
        executor.runAll();

        assertThat(engine.awaitPosition("ledger", 2, Duration.ZERO)).isFalse();
        assertThat(engine.status("ledger").state()).isEqualTo(ProjectionState.PAUSED);
        assertThat(engine.status("ledger").lag()).isEqualTo(1);
        engine.resume("ledger");
        executor.runAll();
        assertThat(engine.awaitPosition("ledger", 2, Duration.ZERO)).isTrue();
        assertThat(ledger.seen).hasSize(2);
    }

    @Test
    void aRebuildResetsAndReplaysEverythingInBatches() throws Exception {
        Ledger ledger = new Ledger();
        ProjectionEngine engine = start(store, FAST, projection("ledger", ProjectionMode.ASYNC, ledger));
        for (int i = 0; i < 10; i++) {
            append("a", new Credit("a", i));
        }
        executor.runAll();
        assertThat(engine.awaitPosition("ledger", 10, Duration.ZERO)).isTrue();
        ledger.seen.add("stale entry");

        engine.rebuild("ledger");
        ProjectionStatus rebuilding = engine.status("ledger");
        executor.runOne();
        ProjectionStatus firstBatch = engine.status("ledger");
        executor.runAll();

        assertThat(rebuilding.state()).isEqualTo(ProjectionState.REBUILDING);
        assertThat(rebuilding.rebuild().target()).isEqualTo(10);
        assertThat(firstBatch.rebuild().replayed()).isEqualTo(FAST.batchSize());
        assertThat(engine.status("ledger").state()).isEqualTo(ProjectionState.RUNNING);
        assertThat(ledger.resets.get()).isEqualTo(1);
        assertThat(ledger.seen).hasSize(10).doesNotContain("stale entry").first().isEqualTo("Credit[account=a, amount=0]@1");
        assertThat(engine.status("ledger").position()).isEqualTo(10);
    }

    @Test
    void aClosedEngineRunsNothingMore() throws Exception {
        Ledger ledger = new Ledger();
        ProjectionEngine engine = start(store, FAST, projection("ledger", ProjectionMode.ASYNC, ledger));
        executor.runAll();
        assertThat(timer.pending()).isNotEmpty();

        engine.close();
        append("a", new Credit("a", 1));
        timer.advance(Duration.ofMinutes(1));

        assertThat(executor.runAll()).isZero();
        assertThat(timer.pending()).isEmpty();
        assertThat(ledger.seen).isEmpty();
    }

    @Test
    void anInlineProjectionIsAppliedBeforeTheAppendReturnsAndItsFailureAbortsTheAppend() throws Exception {
        Ledger ledger = new Ledger();
        ProjectionEngine engine = start(store, FAST, projection("inline", ProjectionMode.INLINE, ledger));

        append("a", new Credit("a", 1));
        assertThat(ledger.seen).containsExactly("Credit[account=a, amount=1]@1");
        assertThat(engine.awaitPosition("inline", 1, Duration.ZERO)).isTrue();

        ledger.failOn = "amount=66";
        assertThatThrownBy(() -> append("a", new Credit("a", 65), new Credit("a", 66)))
                .isInstanceOf(ProjectionFailedException.class)
                .hasMessageStartingWith("AF1119: Projection 'inline' failed on event Ledger.Credit at position 3");
        assertThat(store.headPosition()).isEqualTo(1);
        assertThat(store.streamVersion("a")).isEqualTo(1);
        assertThat(engine.status("inline").position()).isEqualTo(1);
        assertThatThrownBy(() -> engine.pause("inline"))
                .isInstanceOf(AllFrameException.class)
                .hasMessage("AF1121: Projection 'inline' is inline; pause and resume apply to async projections");
    }

    @Test
    void anInlineRebuildHoldsAppendsBackOnlyForItsLastStretch() throws Exception {
        for (int amount = 1; amount <= 7; amount++) {
            append("a", new Credit("a", amount));
        }
        Ledger ledger = new Ledger();
        ProjectionEngine engine = start(store, FAST, projection("inline", ProjectionMode.INLINE, ledger));
        Ledger.Hold inTheBulk = Ledger.Hold.at("amount=7");
        ledger.hold = inTheBulk;
        engine.rebuild("inline");
        Thread rebuild = new Thread(executor::runAll, "rebuild");
        rebuild.start();
        assertThat(inTheBulk.reached().await(10, TimeUnit.SECONDS)).isTrue();

        Thread duringTheBulk = new Thread(() -> append("b", new Credit("b", 8)), "during the bulk");
        duringTheBulk.start();
        duringTheBulk.join(10_000);
        assertThat(duringTheBulk.isAlive()).as("an append while the rebuild replays the bulk does not wait").isFalse();
        assertThat(store.headPosition()).isEqualTo(8);
        assertThat(engine.status("inline").state()).isEqualTo(ProjectionState.REBUILDING);

        Ledger.Hold inTheLastStretch = Ledger.Hold.at("amount=8");
        ledger.hold = inTheLastStretch;
        inTheBulk.release().countDown();
        assertThat(inTheLastStretch.reached().await(10, TimeUnit.SECONDS)).isTrue();
        Thread duringTheLastStretch = new Thread(() -> append("b", new Credit("b", 9)), "during the last stretch");
        duringTheLastStretch.start();
        awaitBlocked(duringTheLastStretch);
        assertThat(store.headPosition()).as("the last stretch holds appends back").isEqualTo(8);
        inTheLastStretch.release().countDown();
        rebuild.join(10_000);
        duringTheLastStretch.join(10_000);

        assertThat(ledger.resets).hasValue(1);
        assertThat(ledger.seen).as("every event once, in order").containsExactly("Credit[account=a, amount=1]@1",
                "Credit[account=a, amount=2]@2", "Credit[account=a, amount=3]@3", "Credit[account=a, amount=4]@4",
                "Credit[account=a, amount=5]@5", "Credit[account=a, amount=6]@6", "Credit[account=a, amount=7]@7",
                "Credit[account=b, amount=8]@8", "Credit[account=b, amount=9]@9");
        ProjectionStatus status = engine.status("inline");
        assertThat(status.state()).isEqualTo(ProjectionState.RUNNING);
        assertThat(status.position()).isEqualTo(9);
    }

    @Test
    void closingTheEngineStopsAnInlineRebuildAfterTheBatchItIsIn() throws Exception {
        for (int amount = 1; amount <= 7; amount++) {
            append("a", new Credit("a", amount));
        }
        Ledger ledger = new Ledger();
        ProjectionEngine engine = start(store, FAST, projection("inline", ProjectionMode.INLINE, ledger));
        Ledger.Hold hold = Ledger.Hold.at("amount=2");
        ledger.hold = hold;
        engine.rebuild("inline");
        Thread rebuild = new Thread(executor::runAll, "rebuild");
        rebuild.start();
        assertThat(hold.reached().await(10, TimeUnit.SECONDS)).isTrue();

        engine.close();
        hold.release().countDown();
        rebuild.join(10_000);

        assertThat(rebuild.isAlive()).isFalse();
        assertThat(ledger.seen).as("the first batch of " + FAST.batchSize() + " ends, no other starts")
                .containsExactly("Credit[account=a, amount=1]@1", "Credit[account=a, amount=2]@2",
                        "Credit[account=a, amount=3]@3");
        append("a", new Credit("a", 8));
        assertThat(ledger.seen).as("a closed engine applies nothing").hasSize(3);
    }

    @Test
    void aFailedInlineRebuildStopsTheProjectionFailedAtTheEventUntilTheNextRebuild() throws Exception {
        append("a", new Credit("a", 1), new Credit("a", 2));
        Ledger ledger = new Ledger();
        ProjectionEngine engine = start(store, FAST, projection("inline", ProjectionMode.INLINE, ledger));
        ledger.failOn = "amount=2";

        engine.rebuild("inline");
        executor.runAll();
        append("b", new Credit("b", 3));

        ProjectionStatus failed = engine.status("inline");
        assertThat(failed.state()).isEqualTo(ProjectionState.FAILED);
        assertThat(failed.failure().position()).isEqualTo(2);
        assertThat(failed.failure().streamId()).isEqualTo("a");
        assertThat(failed.failure().message()).startsWith(
                "AF1119: Projection 'inline' failed on event Ledger.Credit at position 2");
        assertThat(ledger.seen).as("appends pass a failed inline projection by")
                .containsExactly("Credit[account=a, amount=1]@1");
        assertThat(engine.awaitPosition("inline", 1, Duration.ofSeconds(10))).as("fails at once").isFalse();

        ledger.failOn = null;
        engine.rebuild("inline");
        executor.runAll();
        assertThat(engine.awaitPosition("inline", 3, Duration.ZERO)).isTrue();
        assertThat(ledger.seen).containsExactly("Credit[account=a, amount=1]@1", "Credit[account=a, amount=2]@2",
                "Credit[account=b, amount=3]@3");
    }

    @Test
    void anErrorDuringAnInlineRebuildStopsItFailedAndTheNextRebuildStartsOver() throws Exception {
        append("a", new Credit("a", 1), new Credit("a", 2));
        Ledger ledger = new Ledger();
        ProjectionEngine engine = start(store, FAST, projection("inline", ProjectionMode.INLINE, ledger));
        ledger.errorOn = "amount=2";

        engine.rebuild("inline");
        executor.runAll();

        ProjectionStatus failed = engine.status("inline");
        assertThat(failed.state()).as("not REBUILDING forever").isEqualTo(ProjectionState.FAILED);
        assertThat(failed.failure().position()).isEqualTo(2);
        assertThat(failed.failure().streamId()).isEqualTo("a");
        assertThat(failed.failure().message()).isEqualTo("java.lang.LinkageError: cannot link Credit[account=a, amount=2]");

        ledger.errorOn = null;
        engine.rebuild("inline");
        executor.runAll();
        assertThat(engine.status("inline").state()).isEqualTo(ProjectionState.RUNNING);
        assertThat(engine.awaitPosition("inline", 2, Duration.ZERO)).isTrue();
    }

    @Test
    void aProjectionWhoseExecutorRefusesItsWorkStopsFailedInsteadOfFallingSilent() {
        append("a", new Credit("a", 1));
        ProjectionEngine engine = TestEngines.create(store, checkpoints, FAST, task -> {
            throw new java.util.concurrent.RejectedExecutionException("no threads left");
        }, timer, projection("ledger", ProjectionMode.ASYNC, new Ledger()));
        engines.add(engine);

        engine.start();

        ProjectionStatus status = engine.status("ledger");
        assertThat(status.state()).isEqualTo(ProjectionState.FAILED);
        assertThat(status.failure().message())
                .isEqualTo("java.util.concurrent.RejectedExecutionException: no threads left");
    }

    @Test
    void aProjectionThatReplaysAtStartIsRebuildingUntilItReachedTheHeadItFoundThere() {
        append("a", new Credit("a", 1), new Credit("a", 2), new Credit("a", 3), new Credit("a", 4));
        Problems problems = new Problems();
        ProjectionModel model = ProjectionInspector.inspect(
                List.of(new ProjectionBean(Ledger.class, "replaying", ProjectionMode.ASYNC, ReadModel.MEMORY)), problems).get(0);
        ProjectionEngine engine = start(store, FAST, new BoundProjection(model, new Ledger()));

        ProjectionStatus starting = engine.status("replaying");
        assertThat(starting.state()).isEqualTo(ProjectionState.REBUILDING);
        assertThat(starting.rebuild()).isEqualTo(new ProjectionStatus.RebuildProgress(0, 4));
        executor.runOne();
        assertThat(engine.status("replaying").rebuild()).isEqualTo(new ProjectionStatus.RebuildProgress(3, 4));
        executor.runAll();

        ProjectionStatus caughtUp = engine.status("replaying");
        assertThat(caughtUp.state()).isEqualTo(ProjectionState.RUNNING);
        assertThat(caughtUp.position()).isEqualTo(4);
        assertThat(caughtUp.rebuild()).isNull();
    }

    @Test
    void anInlineProjectionInMemoryIsReplayedAtStartBeforeItSeesTheNextAppend() {
        append("a", new Credit("a", 1), new Credit("a", 2));
        Problems problems = new Problems();
        ProjectionModel model = ProjectionInspector.inspect(
                List.of(new ProjectionBean(Ledger.class, "inline-memory", ProjectionMode.INLINE, ReadModel.MEMORY)),
                problems).get(0);
        Ledger ledger = new Ledger();
        ProjectionEngine engine = start(store, FAST, new BoundProjection(model, ledger));

        assertThat(engine.status("inline-memory").state()).isEqualTo(ProjectionState.REBUILDING);
        assertThat(engine.status("inline-memory").rebuild()).isEqualTo(new ProjectionStatus.RebuildProgress(0, 2));
        executor.runAll();
        append("a", new Credit("a", 3));

        assertThat(ledger.seen).containsExactly("Credit[account=a, amount=1]@1", "Credit[account=a, amount=2]@2",
                "Credit[account=a, amount=3]@3");
        assertThat(ledger.resets).as("a read model in memory is empty at start; reset() is called if it has one")
                .hasValue(1);
        ProjectionStatus running = engine.status("inline-memory");
        assertThat(running.state()).isEqualTo(ProjectionState.RUNNING);
        assertThat(running.position()).isEqualTo(3);
    }

    @Test
    void anInlineProjectionWithAStoredReadModelGoesOnFromTheHeadAtStart() {
        append("a", new Credit("a", 1), new Credit("a", 2));
        Problems problems = new Problems();
        ProjectionModel model = ProjectionInspector.inspect(
                List.of(new ProjectionBean(Ledger.class, "inline-stored", ProjectionMode.INLINE, ReadModel.STORED)),
                problems).get(0);
        Ledger ledger = new Ledger();
        ProjectionEngine engine = start(store, FAST, new BoundProjection(model, ledger));

        assertThat(engine.status("inline-stored").state()).isEqualTo(ProjectionState.RUNNING);
        append("a", new Credit("a", 3));
        executor.runAll();

        assertThat(ledger.seen).containsExactly("Credit[account=a, amount=3]@3");
        assertThat(ledger.resets).hasValue(0);
        assertThat(engine.status("inline-stored").position()).isEqualTo(3);
    }

    @Test
    void aProjectionThatReplaysAtStartOnAnEmptyLogIsRunningAtOnce() {
        Problems problems = new Problems();
        ProjectionModel model = ProjectionInspector.inspect(
                List.of(new ProjectionBean(Ledger.class, "replaying", ProjectionMode.ASYNC, ReadModel.MEMORY)), problems).get(0);
        ProjectionEngine engine = start(store, FAST, new BoundProjection(model, new Ledger()));

        assertThat(engine.status("replaying").state()).isEqualTo(ProjectionState.RUNNING);
    }

    @Test
    void unknownNamesAreRefusedWithTheKnownOnes() {
        ProjectionEngine engine = start(store, FAST, projection("ledger", ProjectionMode.ASYNC, new Ledger()));

        assertThatThrownBy(() -> engine.status("ledgr"))
                .isInstanceOf(NoSuchProjectionException.class)
                .hasMessage("AF1123: No projection is named 'ledgr'; projections: ledger");
    }

    private ProjectionEngine start(dev.allframe.spi.event.EventStore on, ProjectionSettings settings,
                                   BoundProjection... projections) {
        ProjectionEngine engine = TestEngines.create(on, checkpoints, settings, executor, timer, projections);
        engines.add(engine);
        engine.start();
        return engine;
    }

    /** A projection whose read model is stored: it goes on from its checkpoint, or for an inline one the head. */
    static BoundProjection projection(String name, ProjectionMode mode, Object bean) {
        Problems problems = new Problems();
        List<ProjectionModel> models = ProjectionInspector.inspect(
                List.of(new ProjectionBean(bean.getClass(), name, mode, ReadModel.STORED)), problems);
        assertThat(problems.messages()).isEmpty();
        return new BoundProjection(models.get(0), bean);
    }

    private AppendResult append(String stream, Object... events) {
        return store.append(stream, AppendCondition.any(), newEvents(events));
    }

    private static List<NewEvent> newEvents(Object... events) {
        List<NewEvent> newEvents = new ArrayList<>();
        for (Object event : events) {
            newEvents.add(new NewEvent(EventIds.next(), dev.allframe.core.EventTypes.of(event.getClass()).name(), 1,
                    event, null, null, null));
        }
        return newEvents;
    }

    /** Waits until {@code thread} waits for a lock or a latch: it cannot go on until the test lets it. */
    private static void awaitBlocked(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.BLOCKED) {
            assertThat(System.nanoTime()).as("%s blocks", thread.getName()).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
