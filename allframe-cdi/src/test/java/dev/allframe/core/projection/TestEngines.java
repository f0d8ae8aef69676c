package dev.allframe.core.projection;

import dev.allframe.AllFrameDeploymentException;
import dev.allframe.core.Problems;
import dev.allframe.spi.StoreCapabilities;
import dev.allframe.spi.checkpoint.CheckpointStore;
import dev.allframe.spi.event.EventStore;
import java.util.List;

/** Projection engines on a store and the checkpoints given, for tests. */
final class TestEngines {

    private TestEngines() {
    }

    static ProjectionEngine create(EventStore store, CheckpointStore checkpoints, ProjectionSettings settings,
                                   BoundProjection... projections) {
        Problems problems = new Problems();
        return ProjectionEngine.create(StoreCapabilities.of(store).withCheckpoints(checkpoints), "the test store",
                settings, List.of(projections), problems)
                .orElseThrow(() -> new AllFrameDeploymentException(problems.messages()));
    }
}
