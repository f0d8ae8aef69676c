package dev.allframe.spi.conformance;

import static java.util.Objects.requireNonNull;

import dev.allframe.spi.saga.SagaStore;
import dev.allframe.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the saga store conformance test classes share: the store under test and a second view of its sagas.
 *
 * <p>A store runs the suite by extending each abstract saga store conformance class: {@link #createSagaStore()}
 * returns a new store holding no sagas, {@link #sameSagas(SagaStore)} the sagas of a store as another process
 * sees them; both run leases out on {@link #clock}, which the tests move.
 */
public abstract class SagaStoreConformanceSupport {

    /** The clock the stores' leases run out on, moved by the tests (and the engines' clock). */
    protected final MutableClock clock = new MutableClock();

    /** The store under test, new for each test. */
    protected SagaStore sagas;

    /** Returns a new store holding no sagas, whose leases run out on {@link #clock}. */
    protected abstract SagaStore createSagaStore();

    /**
     * Another store over the sagas of {@code store}, as a second process on the same database opens it, whose leases
     * run out on {@link #clock}; a store
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
