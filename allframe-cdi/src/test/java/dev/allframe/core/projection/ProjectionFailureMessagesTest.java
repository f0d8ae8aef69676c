package dev.allframe.core.projection;

import static dev.allframe.core.projection.ProjectionEngineTest.projection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.AllFrameException;
import dev.allframe.EventEnvelope;
import dev.allframe.core.EventIds;
import dev.allframe.core.EventTypes;
import dev.allframe.core.projection.Ledger.Credit;
import dev.allframe.memory.InMemoryEventStore;
import dev.allframe.projection.EventHandler;
import dev.allframe.projection.ProjectionMode;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.NewEvent;
import dev.allframe.testing.ForwardingEventStore;
import dev.allframe.testing.LogCapture;
import dev.allframe.testing.ManualTimer;
import dev.allframe.testing.QueuedExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The messages of projections that cannot be rebuilt, fail to reset, stop, or cannot read the log. */
class ProjectionFailureMessagesTest {

    private static final ProjectionSettings FAST = new ProjectionSettings(3, Duration.ofMillis(50), 2,
            Duration.ofMillis(10));

    /** A read model without a {@code reset()} method. */
    static class Totals {
        @EventHandler
        void on(Credit credit) {
        }
    }

    /** A read model whose {@code reset()} fails. */
    static class LockedTotals {
        @EventHandler
        void on(Credit credit) {
        }

        void reset() {
            throw new IllegalStateException("totals table is locked");
        }
    }

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final QueuedExecutor executor = new QueuedExecutor();
    private final ManualTimer timer = new ManualTimer();
    private final List<ProjectionEngine> engines = new ArrayList<>();

    @AfterEach
    void stop() {
        engines.forEach(ProjectionEngine::close);
    }

    @Test
    void aProjectionWithoutResetCannotBeRebuilt() {
        ProjectionEngine engine = start(store, projection("totals", ProjectionMode.ASYNC, new Totals()));

        assertThatThrownBy(() -> engine.rebuild("totals"))
                .isInstanceOf(AllFrameException.class)
                .hasMessage("AF1120: Projection 'totals' has no reset() method, so it cannot be rebuilt");
    }

    @Test
    void aFailingResetNamesTheProjectionAndTheCause() {
        BoundProjection locked = projection("totals", ProjectionMode.ASYNC, new LockedTotals());

        assertThatThrownBy(locked::reset)
                .isInstanceOf(AllFrameException.class)
                .hasMessage("AF1125: Resetting projection 'totals' failed: java.lang.IllegalStateException: totals"
                        + " table is locked")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void aProjectionThatStopsIsWarnedAboutWithItsPositionAndCause() {
        Ledger ledger = new Ledger();
        ledger.errorOn = "amount=2";
        start(store, projection("stopping-ledger", ProjectionMode.ASYNC, ledger));
        append(new Credit("a", 1));
        executor.runAll();

        try (LogCapture log = LogCapture.of(TrackingProcessor.class)) {
            append(new Credit("a", 2));
            executor.runAll();

            assertThat(log.linesAbout("'stopping-ledger'")).containsExactly("WARNING AF1124: Projection 'stopping-ledger' stopped at position 2 after"
                    + " its retries: java.lang.LinkageError: cannot link Credit[account=a, amount=2]");
        }
    }

    @Test
    void aLogThatCannotBeReadIsWarnedAboutAndTriedAgain() {
        ForwardingEventStore unreadable = new ForwardingEventStore() {
            @Override
            public List<EventEnvelope> readAll(long afterPosition, int maxCount) {
                throw new IllegalStateException("connection refused");
            }
        };
        Ledger ledger = new Ledger();

        try (LogCapture log = LogCapture.of(TrackingProcessor.class)) {
            start(unreadable, projection("unreadable-ledger", ProjectionMode.ASYNC, ledger));
            executor.runAll();

            assertThat(log.linesAbout("'unreadable-ledger'")).containsExactly(
                    "WARNING AF1126: Projection 'unreadable-ledger' could not read or record its progress; it tries again");
            assertThat(log.recordsAbout("'unreadable-ledger'").get(0).getThrown()).hasMessage("connection refused");
        }
        assertThat(timer.pending()).containsExactly(FAST.pollInterval());
    }

    private ProjectionEngine start(dev.allframe.spi.event.EventStore on, BoundProjection... projections) {
        ProjectionEngine engine = TestEngines.create(on, new InMemoryCheckpoints(), FAST, executor, timer,
                projections);
        engines.add(engine);
        engine.start();
        return engine;
    }

    private void append(Object event) {
        store.append("a", AppendCondition.any(), List.of(new NewEvent(EventIds.next(),
                EventTypes.of(event.getClass()).name(), 1, event, null, null, null)));
    }
}
