package dev.allframe.core.projection;

import dev.allframe.AllFrameDeploymentException;
import dev.allframe.core.Problems;
import dev.allframe.core.work.Timer;
import dev.allframe.spi.StoreCapabilities;
import dev.allframe.spi.checkpoint.CheckpointStore;
import dev.allframe.spi.event.EventStore;
import java.util.List;
import java.util.concurrent.Executor;

/** Projection engines on a store, checkpoints, executor and timer of the test's choosing. */
final class TestEngines {

    private TestEngines() {
    }

    static ProjectionEngine create(EventStore store, CheckpointStore checkpoints, ProjectionSettings settings,
                                   Executor executor, Timer timer, BoundProjection... projections) {
        Problems problems = new Problems();
        return ProjectionEngine.create(StoreCapabilities.of(store).withCheckpoints(checkpoints), "the test store",
                settings, List.of(projections), executor, timer, problems)
                .orElseThrow(() -> new AllFrameDeploymentException(problems.messages()));
    }
}
