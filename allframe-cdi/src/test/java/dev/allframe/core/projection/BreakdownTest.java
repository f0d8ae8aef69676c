package dev.allframe.core.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.memory.InMemoryEventStore;
import dev.allframe.projection.EventHandler;
import dev.allframe.projection.ProjectionMode;
import dev.allframe.projection.ProjectionState;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.NewEvent;
import dev.allframe.testing.ManualTimer;
import dev.allframe.testing.RecordingTelemetry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An Error in a projection's work stops it FAILED and is a breakdown, which liveness reports. */
class BreakdownTest {

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final RecordingTelemetry telemetry = new RecordingTelemetry();
    private final ManualTimer timer = new ManualTimer();

    @Test
    void anErrorInAHandlerIsABreakdownAndAnExceptionIsNot() {
        ProjectionSettings settings = new ProjectionSettings(10, Duration.ofSeconds(1), 0, Duration.ofMillis(1),
                Duration.ofSeconds(15), "node");
        ProjectionEngine engine = TestEngines.create(store, new InMemoryCheckpoints(), settings, Runnable::run, timer,
                timer.clock(), telemetry, ProjectionEngineTest.projection("broken", ProjectionMode.ASYNC,
                        new Broken()), ProjectionEngineTest.projection("failing", ProjectionMode.ASYNC,
                        new Failing()));
        try {
            engine.start();
            store.append("s", AppendCondition.any(), List.of(new NewEvent(UUID.randomUUID(), "String", 1, "event",
                    null, null, null)));

            assertThat(engine.status("broken").state()).isEqualTo(ProjectionState.FAILED);
            assertThat(engine.status("failing").state()).isEqualTo(ProjectionState.FAILED);
            assertThat(telemetry.brokenDown()).containsExactly(
                    "projection broken: java.lang.NoClassDefFoundError: com/example/Gone");
        } finally {
            engine.close();
        }
    }

    public static final class Broken {

        @EventHandler
        void on(String event) {
            throw new NoClassDefFoundError("com/example/Gone");
        }
    }

    public static final class Failing {

        @EventHandler
        void on(String event) {
            throw new IllegalStateException("not today");
        }
    }
}
