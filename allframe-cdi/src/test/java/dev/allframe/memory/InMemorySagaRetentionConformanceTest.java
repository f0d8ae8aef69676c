package dev.allframe.memory;

import dev.allframe.spi.conformance.SagaRetentionConformanceTest;
import dev.allframe.spi.saga.SagaStore;

class InMemorySagaRetentionConformanceTest extends SagaRetentionConformanceTest {

    @Override
    protected SagaStore createSagaStore() {
        return new InMemorySagaStore(clock);
    }

    @Override
    protected SagaStore sameSagas(SagaStore store) {
        return store;
    }
}
