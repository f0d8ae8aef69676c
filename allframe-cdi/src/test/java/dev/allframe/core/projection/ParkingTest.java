package dev.allframe.core.projection;

import static dev.allframe.core.projection.ProjectionEngineTest.projection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.allframe.AllFrameDeploymentException;
import dev.allframe.AllFrameException;
import dev.allframe.EventEnvelope;
import dev.allframe.EventStoreException;
import dev.allframe.core.EventIds;
import dev.allframe.core.EventTypes;
import dev.allframe.core.Problems;
import dev.allframe.core.message.EventMessages;
import dev.allframe.core.projection.Ledger.Credit;
import dev.allframe.core.projection.ProjectionInspector.ProjectionBean;
import dev.allframe.memory.InMemoryEventStore;
import dev.allframe.projection.FailurePolicy;
import dev.allframe.projection.NoSuchProjectionException;
import dev.allframe.projection.ParkedEvent;
import dev.allframe.projection.ParkedRetry;
import dev.allframe.projection.ProjectionMode;
import dev.allframe.projection.ProjectionState;
import dev.allframe.projection.ProjectionStatus;
import dev.allframe.projection.ReadModel;
import dev.allframe.spi.StoreCapabilities;
import dev.allframe.spi.checkpoint.CheckpointStore;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.NewEvent;
import dev.allframe.testing.ForwardingEventStore;
import dev.allframe.testing.LogCapture;
import dev.allframe.testing.ManualTimer;
import dev.allframe.testing.QueuedExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Events a projection goes past: parked by its policy or by an operator, listed, and applied again later; on a queued
 * executor and a manual timer and clock.
 */
class ParkingTest {

    private static final ProjectionSettings FAST = new ProjectionSettings(3, Duration.ofMillis(50), 2,
            Duration.ofMillis(10));
    private static final String POISON = "AF1119: Projection 'ledger' failed on event Ledger.Credit at position 2"
            + " (stream 'a', version 2) in dev.allframe.core.projection.Ledger#on(Entry, EventEnvelope):"
            + " java.lang.IllegalStateException: cannot book Credit[account=a, amount=13]";

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
    void aParkingProjectionParksAPoisonEventAfterItsRetriesAndGoesOnWithTheNextEvents() {
        Ledger ledger = new Ledger();
        ledger.failOn = "amount=13";
        ProjectionEngine engine = start(parking("ledger", ledger));
        append(new Credit("a", 1), new Credit("a", 13), new Credit("a", 2));
        executor.runAll();
        timer.advance(FAST.backoff(0));
        executor.runAll();
        assertThat(engine.status("ledger").parked()).as("retried first").isZero();

        try (LogCapture log = LogCapture.of(TrackingProcessor.class)) {
            timer.advance(FAST.backoff(1));
            Instant parkedAt = timer.clock().instant();
            executor.runAll();
            append(new Credit("a", 3));
            executor.runAll();

            assertThat(ledger.seen).containsExactly("Credit[account=a, amount=1]@1", "Credit[account=a, amount=2]@3",
                    "Credit[account=a, amount=3]@4");
            ProjectionStatus status = engine.status("ledger");
            assertThat(status.state()).isEqualTo(ProjectionState.RUNNING);
            assertThat(status.position()).isEqualTo(4);
            assertThat(status.parked()).isEqualTo(1);
            assertThat(checkpoints.checkpoint("ledger")).isEqualTo(4);
            assertThat(engine.parked("ledger")).containsExactly(new ParkedEvent("ledger", 2, "a", 2, "Ledger.Credit",
                    POISON, 3, parkedAt, ParkedEvent.BY_POLICY, ParkedEvent.RETRIES_USED_UP, parkedAt));
            assertThat(log.linesAbout("'ledger'")).containsExactly("WARNING AF1165: Projection 'ledger' parked the"
                    + " event at position 2 after its retries (onFailure = PARK) and goes on: " + POISON);
        }
    }

    @Test
    void anOperatorSkipsTheEventAFailedProjectionStoppedAtRecordedWithWhoWhenAndWhy() {
        Ledger ledger = new Ledger();
        ledger.failOn = "amount=13";
        ProjectionEngine engine = start(projection("ledger", ProjectionMode.ASYNC, ledger));
        append(new Credit("a", 1), new Credit("a", 13), new Credit("a", 2));
        failAfterRetries();
        assertThat(engine.status("ledger").state()).isEqualTo(ProjectionState.FAILED);
        timer.clock().advance(Duration.ofMinutes(5));
        Instant skippedAt = timer.clock().instant();

        try (LogCapture log = LogCapture.of(TrackingProcessor.class)) {
            ParkedEvent skipped = engine.skip("ledger", "alice", "refunded by hand, ticket 4711");
            executor.runAll();

            assertThat(skipped).isEqualTo(new ParkedEvent("ledger", 2, "a", 2, "Ledger.Credit", POISON, 3, skippedAt,
                    "alice", "refunded by hand, ticket 4711", skippedAt));
            assertThat(log.linesAbout("'ledger'")).containsExactly("WARNING AF1166: Projection 'ledger': alice skipped"
                    + " the event at position 2 (refunded by hand, ticket 4711) and the projection goes on; it failed"
                    + " with: " + POISON);
        }
        assertThat(ledger.seen).containsExactly("Credit[account=a, amount=1]@1", "Credit[account=a, amount=2]@3");
        ProjectionStatus status = engine.status("ledger");
        assertThat(status.state()).isEqualTo(ProjectionState.RUNNING);
        assertThat(status.position()).isEqualTo(3);
        assertThat(status.failure()).isNull();
        assertThat(status.parked()).isEqualTo(1);
        assertThat(engine.parked("ledger")).containsExactly(new ParkedEvent("ledger", 2, "a", 2, "Ledger.Credit",
                POISON, 3, skippedAt, "alice", "refunded by hand, ticket 4711", skippedAt));
    }

    @Test
    void parkedEventsAreRetriedInOrderThoseThatApplyLeaveAndThoseThatFailStayWithTheAttemptCounted() {
        Ledger ledger = new Ledger();
        ledger.failOn = "amount=1";
        ProjectionEngine engine = start(parking("ledger", ledger));
        append(new Credit("a", 10), new Credit("a", 11), new Credit("a", 2));
        failAfterRetries();
        failAfterRetries();
        assertThat(engine.parked("ledger")).extracting(ParkedEvent::position).containsExactly(1L, 2L);
        assertThat(ledger.seen).containsExactly("Credit[account=a, amount=2]@3");
        Instant parkedAt = engine.parked("ledger").get(1).parkedAt();
        timer.clock().advance(Duration.ofHours(1));
        Instant retriedAt = timer.clock().instant();

        ledger.failOn = "amount=11";
        ParkedRetry retry;
        try (LogCapture log = LogCapture.of(DeadLetters.class)) {
            retry = engine.retryParked("ledger");

            assertThat(log.linesAbout("'ledger'")).containsExactly(
                    "INFO AF1167: Projection 'ledger' retried its parked events: applied 1; still parked 2");
        }

        String stillFailing = "AF1119: Projection 'ledger' failed on event Ledger.Credit at position 2 (stream 'a',"
                + " version 2) in dev.allframe.core.projection.Ledger#on(Entry, EventEnvelope):"
                + " java.lang.IllegalStateException: cannot book Credit[account=a, amount=11]";
        ParkedEvent stillParked = new ParkedEvent("ledger", 2, "a", 2, "Ledger.Credit", stillFailing, 4, parkedAt,
                ParkedEvent.BY_POLICY, ParkedEvent.RETRIES_USED_UP, retriedAt);
        assertThat(retry).isEqualTo(new ParkedRetry(List.of(1L), List.of(stillParked)));
        assertThat(engine.parked("ledger")).containsExactly(stillParked);
        assertThat(engine.status("ledger").parked()).isEqualTo(1);
        assertThat(ledger.seen).containsExactly("Credit[account=a, amount=2]@3", "Credit[account=a, amount=10]@1");

        ledger.failOn = null;
        assertThat(engine.retryParked("ledger", 2)).isEqualTo(new ParkedRetry(List.of(2L), List.of()));
        assertThat(engine.parked("ledger")).isEmpty();
        assertThat(engine.status("ledger").parked()).isZero();
        assertThat(ledger.seen).containsExactly("Credit[account=a, amount=2]@3", "Credit[account=a, amount=10]@1",
                "Credit[account=a, amount=11]@2");
    }

    @Test
    void aRetryWaitsForTheBatchTheProjectionIsApplyingSoThatItsHandlersRunOneAtATime() throws Exception {
        Ledger ledger = new Ledger();
        ledger.failOn = "amount=13";
        ProjectionEngine engine = start(parking("ledger", ledger));
        append(new Credit("a", 13));
        failAfterRetries();
        ledger.failOn = null;
        CountDownLatch gate = new CountDownLatch(1);
        ledger.gate = gate;
        append(new Credit("a", 2));
        Thread batch = new Thread(executor::runAll, "batch");
        batch.start();
        awaitBlocked(batch);

        ParkedRetry[] retried = new ParkedRetry[1];
        Thread retry = new Thread(() -> retried[0] = engine.retryParked("ledger"), "retry");
        retry.start();
        awaitBlocked(retry);
        assertThat(ledger.calls.get()).as("the retry waits for the batch").isEqualTo(3);
        ledger.gate = null;
        gate.countDown();
        batch.join(TimeUnit.SECONDS.toMillis(10));
        retry.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(retried[0]).isEqualTo(new ParkedRetry(List.of(1L), List.of()));
        assertThat(ledger.seen).containsExactly("Credit[account=a, amount=2]@2", "Credit[account=a, amount=13]@1");
    }

    @Test
    void aParkedEventTheLogNoLongerHasStaysParkedWithTheReason() {
        ProjectionEngine engine = start(parking("ledger", new Ledger()));
        Instant at = timer.clock().instant();
        checkpoints.park(new ParkedEvent("ledger", 7, "a", 7, "Ledger.Credit", "AF1119: failed", 3, at, "bob", "why",
                at));

        ParkedRetry retry = engine.retryParked("ledger");

        assertThat(retry.stillParked()).extracting(ParkedEvent::failure, ParkedEvent::attempts).containsExactly(tuple(
                "AF1170: Projection 'ledger' parked the event at position 7, but the log has no event there", 4));
    }

    @Test
    void anEventTheStoreCannotReadIsParkedAtOnceWithWhatIsKnownOfIt() {
        EventStoreException unreadable = new EventStoreException(EventMessages.upcasterFailed("Upcasters#credit(V1)",
                "Ledger.Credit v1", new IllegalStateException("no amount")));
        ForwardingEventStore log = new ForwardingEventStore() {
            @Override
            public List<EventEnvelope> readAll(long afterPosition, int maxCount) {
                if (afterPosition < 2 && afterPosition + maxCount >= 2) {
                    throw unreadable;
                }
                return super.readAll(afterPosition, maxCount);
            }
        };
        Ledger ledger = new Ledger();
        ProjectionEngine engine = TestEngines.create(log, checkpoints, FAST, executor, timer, timer.clock(),
                parking("ledger", ledger));
        engines.add(engine);
        engine.start();
        Instant parkedAt = timer.clock().instant();
        for (int amount = 1; amount <= 3; amount++) {
            log.append("a", AppendCondition.any(), List.of(new NewEvent(EventIds.next(),
                    EventTypes.of(Credit.class).name(), 1, new Credit("a", amount), null, null, null)));
        }
        executor.runAll();

        assertThat(ledger.seen).containsExactly("Credit[account=a, amount=1]@1", "Credit[account=a, amount=3]@3");
        assertThat(engine.parked("ledger")).containsExactly(new ParkedEvent("ledger", 2, null, 0, null,
                unreadable.getMessage(), 1, parkedAt, ParkedEvent.BY_POLICY, ParkedEvent.RETRIES_USED_UP, parkedAt));
        assertThat(engine.status("ledger").position()).isEqualTo(3);
    }

    @Test
    void misusesOfTheRegistryAreRefusedWithTheirIds() {
        ProjectionEngine engine = start(projection("ledger", ProjectionMode.ASYNC, new Ledger()),
                projection("inline", ProjectionMode.INLINE, new Ledger()));
        executor.runAll();

        assertThatThrownBy(() -> engine.skip("ledger", "alice", "why"))
                .isInstanceOf(AllFrameException.class)
                .hasMessage("AF1163: Projection 'ledger' is RUNNING, not FAILED: only a failed projection has an event"
                        + " to skip");
        assertThatThrownBy(() -> engine.skip("ledger", " ", "why"))
                .isInstanceOf(AllFrameException.class)
                .hasMessage("AF1171: Skipping the event of projection 'ledger' needs the operator's name (up to 200"
                        + " characters) and a reason, both not blank");
        assertThatThrownBy(() -> engine.skip("ledger", "a".repeat(201), "why"))
                .hasMessageStartingWith("AF1171: ");
        assertThatThrownBy(() -> engine.skip("ledger", "alice", null))
                .hasMessage("AF1171: Skipping the event of projection 'ledger' needs the operator's name (up to 200"
                        + " characters) and a reason, both not blank");
        assertThatThrownBy(() -> engine.retryParked("ledger", 5))
                .isInstanceOf(AllFrameException.class)
                .hasMessage("AF1164: Projection 'ledger' has no event parked at position 5; parked: none");
        assertThatThrownBy(() -> engine.skip("inline", "alice", "why"))
                .isInstanceOf(AllFrameException.class)
                .hasMessage("AF1168: Projection 'inline' is inline; skipping and parking events apply to async"
                        + " projections");
        assertThatThrownBy(() -> engine.retryParked("inline"))
                .hasMessage("AF1168: Projection 'inline' is inline; skipping and parking events apply to async"
                        + " projections");
        assertThat(engine.parked("inline")).isEmpty();
        assertThatThrownBy(() -> engine.parked("ledgr"))
                .isInstanceOf(NoSuchProjectionException.class)
                .hasMessage("AF1123: No projection is named 'ledgr'; projections: inline, ledger");
        assertThatThrownBy(() -> engine.skip("ledgr", "alice", "why"))
                .isInstanceOf(NoSuchProjectionException.class);
    }

    @Test
    void aStoreWithoutDeadLettersCannotRunAParkingProjectionNorParkAnEvent() {
        CheckpointStore noDeadLetters = new CheckpointStore() {
            @Override
            public long checkpoint(String projection) {
                return checkpoints.checkpoint(projection);
            }

            @Override
            public long applyBatch(String projection, long after, List<EventEnvelope> events,
                                   Consumer<EventEnvelope> apply) {
                return checkpoints.applyBatch(projection, after, events, apply);
            }

            @Override
            public void reset(String projection, Runnable reset) {
                checkpoints.reset(projection, reset);
            }
        };
        Problems problems = new Problems();

        assertThat(ProjectionEngine.create(StoreCapabilities.of(store).withCheckpoints(noDeadLetters), "the test store",
                FAST, List.of(parking("ledger", new Ledger()), parking("totals", new Ledger())), executor, timer,
                timer.clock(), problems)).isEmpty();
        assertThat(problems.messages()).extracting(Object::toString).containsExactly("AF1162: Async projections"
                + " ledger, totals park failing events (onFailure = PARK), but the test store keeps no dead letters:"
                + " use a store that does (jpa), define a DeadLetterStore bean beside the application's"
                + " CheckpointStore bean, or make them @Projection(onFailure = STOP)");

        Ledger ledger = new Ledger();
        ledger.failOn = "amount=13";
        ProjectionEngine stopping = TestEngines.create(store, noDeadLetters, FAST, executor, timer, timer.clock(),
                projection("ledger", ProjectionMode.ASYNC, ledger));
        engines.add(stopping);
        stopping.start();
        append(new Credit("a", 13));
        failAfterRetries();
        assertThatThrownBy(() -> stopping.skip("ledger", "alice", "why"))
                .isInstanceOf(AllFrameException.class)
                .hasMessage("AF1169: Projection 'ledger' cannot park events: the test store keeps no dead letters");
        assertThat(stopping.parked("ledger")).isEmpty();
        assertThat(stopping.status("ledger").state()).isEqualTo(ProjectionState.FAILED);
    }

    @Test
    void anInlineProjectionCannotParkEvents() {
        Problems problems = new Problems();

        ProjectionInspector.inspect(List.of(new ProjectionBean(Ledger.class, "inline", ProjectionMode.INLINE,
                ReadModel.STORED, FailurePolicy.PARK)), problems);

        assertThat(problems.messages()).extracting(Object::toString).containsExactly("AF1161: Projection 'inline'"
                + " (dev.allframe.core.projection.Ledger) is inline and onFailure = PARK; an inline projection's"
                + " failure rolls its command back, so only async projections park events");
    }

    @Test
    void aProjectionWithItsReadModelInMemoryKeepsItsParkedEventsInMemory() {
        Ledger ledger = new Ledger();
        ledger.failOn = "amount=13";
        Problems problems = new Problems();
        ProjectionModel model = ProjectionInspector.inspect(List.of(new ProjectionBean(Ledger.class, "replaying",
                ProjectionMode.ASYNC, ReadModel.MEMORY, FailurePolicy.PARK)), problems).get(0);
        ProjectionEngine engine = ProjectionEngine.create(StoreCapabilities.eventsOnly(store), "the test store", FAST,
                List.of(new BoundProjection(model, ledger)), executor, timer, timer.clock(), problems)
                .orElseThrow(() -> new AllFrameDeploymentException(problems.messages()));
        engines.add(engine);
        engine.start();
        append(new Credit("a", 13), new Credit("a", 2));
        failAfterRetries();

        assertThat(engine.status("replaying").parked()).isEqualTo(1);
        assertThat(engine.parked("replaying")).extracting(ParkedEvent::position).containsExactly(1L);
        assertThat(ledger.seen).containsExactly("Credit[account=a, amount=2]@2");
    }

    /** Runs the first attempt and every retry of the failing event. */
    private void failAfterRetries() {
        executor.runAll();
        for (int retry = 0; retry < FAST.maxRetries(); retry++) {
            timer.advance(FAST.backoff(retry));
            executor.runAll();
        }
    }

    private ProjectionEngine start(BoundProjection... projections) {
        ProjectionEngine engine = TestEngines.create(store, checkpoints, FAST, executor, timer, timer.clock(),
                projections);
        engines.add(engine);
        engine.start();
        return engine;
    }

    private static BoundProjection parking(String name, Object bean) {
        Problems problems = new Problems();
        List<ProjectionModel> models = ProjectionInspector.inspect(List.of(new ProjectionBean(bean.getClass(), name,
                ProjectionMode.ASYNC, ReadModel.STORED, FailurePolicy.PARK)), problems);
        assertThat(problems.messages()).isEmpty();
        return new BoundProjection(models.get(0), bean);
    }

    private void append(Object... events) {
        List<NewEvent> newEvents = new ArrayList<>();
        for (Object event : events) {
            newEvents.add(new NewEvent(EventIds.next(), EventTypes.of(event.getClass()).name(), 1, event, null, null,
                    null));
        }
        store.append("a", AppendCondition.any(), newEvents);
    }

    private static void awaitBlocked(Thread thread) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.BLOCKED) {
            assertThat(System.nanoTime()).as("%s blocks", thread.getName()).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
