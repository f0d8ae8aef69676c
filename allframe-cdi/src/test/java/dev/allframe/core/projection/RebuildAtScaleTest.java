package dev.allframe.core.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.EventEnvelope;
import dev.allframe.core.EventIds;
import dev.allframe.core.Problems;
import dev.allframe.core.projection.ProjectionInspector.ProjectionBean;
import dev.allframe.projection.EventHandler;
import dev.allframe.projection.ProjectionMode;
import dev.allframe.projection.ProjectionState;
import dev.allframe.projection.ProjectionStatus;
import dev.allframe.projection.ReadModel;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.NewEvent;
import dev.allframe.testing.BatchWatchingEventStore;
import dev.allframe.testing.ManualTimer;
import dev.allframe.testing.QueuedExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A rebuild over 100,000 events reads the log one batch at a time and shows its progress. */
class RebuildAtScaleTest {

    private static final int EVENTS = 100_000;
    private static final int BATCH = 500;

    public record Tick(int n) {
    }

    public static class TickCounter {
        final AtomicLong count = new AtomicLong();

        @EventHandler
        void on(Tick tick, EventEnvelope envelope) {
            count.incrementAndGet();
        }

        void reset() {
            count.set(0);
        }
    }

    @Test
    void aRebuildStreamsTheLogInBatchesWithVisibleProgress() throws Exception {
        BatchWatchingEventStore store = new BatchWatchingEventStore();
        for (int append = 0; append < EVENTS / 1000; append++) {
            List<NewEvent> events = new ArrayList<>(1000);
            for (int i = 0; i < 1000; i++) {
                events.add(new NewEvent(EventIds.next(), "Tick", 1, new Tick(i), null, null, null));
            }
            store.append("ticks-" + append % 10, AppendCondition.any(), events);
        }
        TickCounter counter = new TickCounter();
        Problems problems = new Problems();
        ProjectionModel model = ProjectionInspector.inspect(
                List.of(new ProjectionBean(TickCounter.class, "ticks", ProjectionMode.ASYNC, ReadModel.STORED)), problems).get(0);
        QueuedExecutor executor = new QueuedExecutor();
        ProjectionEngine engine = TestEngines.create(store, new InMemoryCheckpoints(),
                new ProjectionSettings(BATCH, Duration.ofMillis(50), 0, Duration.ofMillis(10)), executor,
                new ManualTimer(), new BoundProjection(model, counter));
        engine.start();
        try {
            executor.runAll();
            assertThat(engine.awaitPosition("ticks", EVENTS, Duration.ZERO)).isTrue();

            engine.rebuild("ticks");
            List<ProjectionStatus> seen = new ArrayList<>();
            ProjectionStatus status;
            do {
                status = engine.status("ticks");
                seen.add(status);
            } while (executor.runOne());

            assertThat(status.state()).isEqualTo(ProjectionState.RUNNING);
            assertThat(status.position()).isEqualTo(EVENTS);
            assertThat(counter.count.get()).isEqualTo(EVENTS);
            assertThat(seen).filteredOn(s -> s.state() == ProjectionState.REBUILDING)
                    .anySatisfy(s -> assertThat(s.rebuild().replayed()).isBetween(1L, (long) EVENTS - 1))
                    .allSatisfy(s -> assertThat(s.rebuild().target()).isEqualTo(EVENTS));
            assertThat(store.largestAsked()).isEqualTo(BATCH);
            assertThat(store.largestRead()).isEqualTo(BATCH);
        } finally {
            engine.close();
        }
    }
}
