package dev.allframe.memory;

import dev.allframe.spi.conformance.SagaStoreConformanceTest;
import dev.allframe.spi.saga.SagaStore;

class InMemorySagaStoreConformanceTest extends SagaStoreConformanceTest {

    @Override
    protected SagaStore createSagaStore() {
        return new InMemorySagaStore(clock);
    }

    @Override
    protected SagaStore sameSagas(SagaStore store) {
        return store;
    }
}
