package dev.allframe.memory;

import dev.allframe.spi.conformance.SagaRecoveryConformanceTest;
import dev.allframe.spi.saga.SagaStore;

class InMemorySagaRecoveryConformanceTest extends SagaRecoveryConformanceTest {

    @Override
    protected SagaStore createSagaStore() {
        return new InMemorySagaStore(clock);
    }

    @Override
    protected SagaStore sameSagas(SagaStore store) {
        return store;
    }
}
