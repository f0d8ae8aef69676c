package dev.allframe.core.projection;

import dev.allframe.AllFrameDeploymentException;
import dev.allframe.core.Problems;
import dev.allframe.core.telemetry.Telemetry;
import dev.allframe.core.work.Timer;
import dev.allframe.spi.StoreCapabilities;
import dev.allframe.spi.checkpoint.CheckpointStore;
import dev.allframe.spi.deadletter.DeadLetterStore;
import dev.allframe.spi.event.EventStore;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;

/** Projection engines on a store, checkpoints, executor and timer of the test's choosing. */
final class TestEngines {

    private TestEngines() {
    }

    static ProjectionEngine create(EventStore store, CheckpointStore checkpoints, ProjectionSettings settings,
                                   Executor executor, Timer timer, BoundProjection... projections) {
        return create(store, checkpoints, settings, executor, timer, Clock.systemUTC(), projections);
    }

    /** An engine whose store keeps dead letters beside its checkpoints, when {@code checkpoints} does. */
    static ProjectionEngine create(EventStore store, CheckpointStore checkpoints, ProjectionSettings settings,
                                   Executor executor, Timer timer, Clock clock, BoundProjection... projections) {
        return create(store, checkpoints, settings, executor, timer, clock, Telemetry.NONE, projections);
    }

    /** An engine that tells {@code telemetry} what it does. */
    static ProjectionEngine create(EventStore store, CheckpointStore checkpoints, ProjectionSettings settings,
                                   Executor executor, Timer timer, Clock clock, Telemetry telemetry,
                                   BoundProjection... projections) {
        Problems problems = new Problems();
        StoreCapabilities capabilities = StoreCapabilities.of(store).withCheckpoints(checkpoints);
        if (checkpoints instanceof DeadLetterStore deadLetters) {
            capabilities = capabilities.withDeadLetters(deadLetters);
        }
        return ProjectionEngine.create(capabilities, "the test store", settings, List.of(projections), executor,
                timer, clock, telemetry, problems)
                .orElseThrow(() -> new AllFrameDeploymentException(problems.messages()));
    }
}
