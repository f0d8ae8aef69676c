package dev.allframe.core.projection;

import dev.allframe.spi.checkpoint.CheckpointStore;
import dev.allframe.spi.conformance.CheckpointStoreConformanceTest;

class InMemoryCheckpointsConformanceTest extends CheckpointStoreConformanceTest {

    @Override
    protected CheckpointStore createCheckpointStore() {
        return new InMemoryCheckpoints();
    }

    /** No transactions: what was applied stays applied. */
    @Override
    protected boolean rollsBackFailedBatches() {
        return false;
    }
}
