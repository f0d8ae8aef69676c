package dev.allframe.core.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.AllFrameException;
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
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.AppendResult;
import dev.allframe.spi.event.NewEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProjectionEngineTest {

    private static final ProjectionSettings FAST = new ProjectionSettings(3, Duration.ofMillis(50), 2,
            Duration.ofMillis(10));

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final InMemoryCheckpoints checkpoints = new InMemoryCheckpoints();
    private final List<ProjectionEngine> engines = new ArrayList<>();

    @AfterEach
    void stop() {
        engines.forEach(ProjectionEngine::close);
    }

    @Test
    void anAsyncProjectionSeesEveryEventInOrderWithItsEnvelope() throws Exception {
        Ledger ledger = new Ledger();
        ProjectionEngine engine = start(FAST, projection("ledger", ProjectionMode.ASYNC, ledger));

        append("a", new Credit("a", 5), new Note("ignored"), new Debit("a", 2));
        AppendResult last = append("b", new Credit("b", 7));

        assertThat(engine.awaitPosition("ledger", last.events().get(0).globalPosition(), Duration.ofSeconds(10))).isTrue();
        assertThat(ledger.seen).containsExactly("Credit[account=a, amount=5]@1", "Debit[account=a, amount=2]@3",
                "Credit[account=b, amount=7]@4");
        ProjectionStatus status = engine.status("ledger");
        assertThat(status.state()).isEqualTo(ProjectionState.RUNNING);
        assertThat(status.mode()).isEqualTo(ProjectionMode.ASYNC);
        assertThat(status.position()).isEqualTo(4);
        assertThat(status.lag()).isZero();
        assertThat(status.lastEventTime()).isEqualTo(last.events().get(0).timestamp());
        assertThat(checkpoints.checkpoint("ledger")).isEqualTo(4);
    }

    @Test
    void aFailingEventIsRetriedThenStopsTheProjectionThereWithoutSkippingIt() throws Exception {
        Ledger failing = new Ledger();
        failing.failOn = "amount=13";
        Ledger healthy = new Ledger();
        ProjectionEngine engine = start(FAST, projection("failing", ProjectionMode.ASYNC, failing),
                projection("healthy", ProjectionMode.ASYNC, healthy));

        append("a", new Credit("a", 1), new Credit("a", 13), new Credit("a", 2));
        AppendResult after = append("a", new Debit("a", 1));
        long head = after.events().get(0).globalPosition();

        assertThat(engine.awaitPosition("healthy", head, Duration.ofSeconds(10))).isTrue();
        assertThat(engine.awaitPosition("failing", head, Duration.ofSeconds(10))).isFalse();
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

        failing.failOn = null;
        engine.resume("failing");

        assertThat(engine.awaitPosition("failing", head, Duration.ofSeconds(10))).isTrue();
        assertThat(failing.seen).containsExactly("Credit[account=a, amount=1]@1", "Credit[account=a, amount=13]@2",
                "Credit[account=a, amount=2]@3", "Debit[account=a, amount=1]@4");
        assertThat(engine.status("failing").state()).isEqualTo(ProjectionState.RUNNING);
    }

    @Test
    void aPausedProjectionWaitsAndCatchesUpWhenResumed() throws Exception {
        Ledger ledger = new Ledger();
        ProjectionEngine engine = start(FAST, projection("ledger", ProjectionMode.ASYNC, ledger));
        append("a", new Credit("a", 1));
        assertThat(engine.awaitPosition("ledger", 1, Duration.ofSeconds(10))).isTrue();

        engine.pause("ledger");
        // a projection stops after the batch it is in: a few poll intervals let any such batch end
        Thread.sleep(FAST.pollInterval().multipliedBy(4).toMillis());
        append("a", new Credit("a", 2));

        assertThat(engine.awaitPosition("ledger", 2, Duration.ofMillis(300))).isFalse();
        assertThat(engine.status("ledger").state()).isEqualTo(ProjectionState.PAUSED);
        assertThat(engine.status("ledger").lag()).isEqualTo(1);
        engine.resume("ledger");
        assertThat(engine.awaitPosition("ledger", 2, Duration.ofSeconds(10))).isTrue();
        assertThat(ledger.seen).hasSize(2);
    }

    @Test
    void aRebuildResetsAndReplaysEverythingInBatches() throws Exception {
        Ledger ledger = new Ledger();
        ProjectionEngine engine = start(FAST, projection("ledger", ProjectionMode.ASYNC, ledger));
        for (int i = 0; i < 10; i++) {
            append("a", new Credit("a", i));
        }
        assertThat(engine.awaitPosition("ledger", 10, Duration.ofSeconds(10))).isTrue();
        ledger.seen.add("stale entry");
        ledger.gate = new CountDownLatch(1);

        engine.rebuild("ledger");
        ProjectionStatus rebuilding = engine.status("ledger");

        assertThat(rebuilding.state()).isEqualTo(ProjectionState.REBUILDING);
        assertThat(rebuilding.rebuild().target()).isEqualTo(10);
        ledger.gate.countDown();
        awaitState(engine, "ledger", ProjectionState.RUNNING);
        assertThat(ledger.resets.get()).isEqualTo(1);
        assertThat(ledger.seen).hasSize(10).doesNotContain("stale entry").first().isEqualTo("Credit[account=a, amount=0]@1");
        assertThat(engine.status("ledger").position()).isEqualTo(10);
    }

    @Test
    void anInlineProjectionIsAppliedBeforeTheAppendReturnsAndItsFailureAbortsTheAppend() throws Exception {
        Ledger ledger = new Ledger();
        ProjectionEngine engine = start(FAST, projection("inline", ProjectionMode.INLINE, ledger));

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
    void anInlineProjectionIsRebuiltWhileAppendsWaitAndThenGoesOnWithTheNextAppend() throws Exception {
        append("a", new Credit("a", 1), new Credit("a", 2));
        Ledger ledger = new Ledger();
        ProjectionEngine engine = start(FAST, projection("inline", ProjectionMode.INLINE, ledger));
        append("a", new Credit("a", 3));
        assertThat(ledger.seen).as("an inline projection starts at the head").containsExactly(
                "Credit[account=a, amount=3]@3");

        CountDownLatch gate = new CountDownLatch(1);
        ledger.gate = gate;
        engine.rebuild("inline");
        ProjectionStatus rebuilding = engine.status("inline");
        CompletableFuture<AppendResult> during = CompletableFuture.supplyAsync(() -> append("b", new Credit("b", 4)));
        Thread.sleep(200);
        assertThat(during).as("appends wait for the rebuild").isNotDone();
        assertThat(store.headPosition()).isEqualTo(3);
        ledger.gate = null;
        gate.countDown();

        during.get(10, TimeUnit.SECONDS);
        assertThat(engine.awaitPosition("inline", 4, Duration.ofSeconds(10))).isTrue();
        assertThat(rebuilding.state()).isEqualTo(ProjectionState.REBUILDING);
        assertThat(rebuilding.rebuild().target()).isEqualTo(3);
        assertThat(ledger.resets).hasValue(1);
        assertThat(ledger.seen).containsExactly("Credit[account=a, amount=1]@1", "Credit[account=a, amount=2]@2",
                "Credit[account=a, amount=3]@3", "Credit[account=b, amount=4]@4");
        ProjectionStatus status = engine.status("inline");
        assertThat(status.state()).isEqualTo(ProjectionState.RUNNING);
        assertThat(status.position()).isEqualTo(4);
        assertThat(status.rebuild()).isNull();
    }

    @Test
    void aFailedInlineRebuildStopsTheProjectionFailedAtTheEventUntilTheNextRebuild() throws Exception {
        append("a", new Credit("a", 1), new Credit("a", 2));
        Ledger ledger = new Ledger();
        ProjectionEngine engine = start(FAST, projection("inline", ProjectionMode.INLINE, ledger));
        ledger.failOn = "amount=2";

        engine.rebuild("inline");
        awaitState(engine, "inline", ProjectionState.FAILED);
        append("b", new Credit("b", 3));

        ProjectionStatus failed = engine.status("inline");
        assertThat(failed.failure().position()).isEqualTo(2);
        assertThat(failed.failure().streamId()).isEqualTo("a");
        assertThat(failed.failure().message()).startsWith(
                "AF1119: Projection 'inline' failed on event Ledger.Credit at position 2");
        assertThat(ledger.seen).as("appends pass a failed inline projection by")
                .containsExactly("Credit[account=a, amount=1]@1");
        assertThat(engine.awaitPosition("inline", 1, Duration.ofMillis(50))).isFalse();

        ledger.failOn = null;
        engine.rebuild("inline");
        assertThat(engine.awaitPosition("inline", 3, Duration.ofSeconds(10))).isTrue();
        assertThat(ledger.seen).containsExactly("Credit[account=a, amount=1]@1", "Credit[account=a, amount=2]@2",
                "Credit[account=b, amount=3]@3");
    }


    @Test
    void unknownNamesAreRefusedWithTheKnownOnes() {
        ProjectionEngine engine = start(FAST, projection("ledger", ProjectionMode.ASYNC, new Ledger()));

        assertThatThrownBy(() -> engine.status("ledgr"))
                .isInstanceOf(NoSuchProjectionException.class)
                .hasMessage("AF1123: No projection is named 'ledgr'; projections: ledger");
    }

    private ProjectionEngine start(ProjectionSettings settings, BoundProjection... projections) {
        ProjectionEngine engine = TestEngines.create(store, checkpoints, settings, projections);
        engines.add(engine);
        engine.start();
        return engine;
    }

    static BoundProjection projection(String name, ProjectionMode mode, Object bean) {
        Problems problems = new Problems();
        List<ProjectionModel> models = ProjectionInspector.inspect(
                List.of(new ProjectionBean(bean.getClass(), name, mode)), problems);
        assertThat(problems.messages()).isEmpty();
        return new BoundProjection(models.get(0), bean);
    }

    private AppendResult append(String stream, Object... events) {
        List<NewEvent> newEvents = new ArrayList<>();
        for (Object event : events) {
            newEvents.add(new NewEvent(EventIds.next(), dev.allframe.core.EventTypes.of(event.getClass()).name(), 1,
                    event, null, null, null));
        }
        return store.append(stream, AppendCondition.any(), newEvents);
    }

    private static void awaitState(ProjectionEngine engine, String name, ProjectionState state) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (engine.status(name).state() != state) {
            assertThat(System.nanoTime()).as("%s reaches %s", name, state).isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
