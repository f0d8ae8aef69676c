package dev.allframe.spi.conformance;

import static java.util.Objects.requireNonNull;

import dev.allframe.spi.saga.SagaStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the saga store conformance test classes share: the store under test and a second view of its sagas.
 *
 * <p>A store runs the suite by extending each abstract saga store conformance class: {@link #createSagaStore()}
 * returns a new store holding no sagas, {@link #sameSagas(SagaStore)} the sagas of a store as another process
 * sees them.
 */
public abstract class SagaStoreConformanceSupport {

    /** The store under test, new for each test. */
    protected SagaStore sagas;

    /** Returns a new store holding no sagas. */
    protected abstract SagaStore createSagaStore();

    /**
     * Another store over the sagas of {@code store}, as a second process on the same database opens it; a store
     * that keeps its sagas in memory returns {@code store} itself.
     */
    protected abstract SagaStore sameSagas(SagaStore store);

    /** Releases a store made by {@link #createSagaStore()}; does nothing by default. */
    protected void closeSagaStore(SagaStore store) {
    }

    @BeforeEach
    final void openSagaStore() {
        sagas = requireNonNull(createSagaStore(), "createSagaStore() returned null");
    }

    @AfterEach
    final void closeSagaStoreUnderTest() {
        if (sagas != null) {
            closeSagaStore(sagas);
        }
    }
}
