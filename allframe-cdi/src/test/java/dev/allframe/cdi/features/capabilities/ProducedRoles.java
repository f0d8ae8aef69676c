package dev.allframe.cdi.features.capabilities;

import dev.allframe.core.projection.InMemoryCheckpoints;
import dev.allframe.memory.InMemorySagaStore;
import dev.allframe.spi.checkpoint.CheckpointStore;
import dev.allframe.spi.saga.SagaStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The saga and checkpoint stores an application gives beside its event store. */
@ApplicationScoped
public class ProducedRoles {

    private final InMemorySagaStore sagas = new InMemorySagaStore();
    private final InMemoryCheckpoints checkpoints = new InMemoryCheckpoints();

    @Produces
    SagaStore sagas() {
        return sagas;
    }

    @Produces
    CheckpointStore checkpoints() {
        return checkpoints;
    }

    InMemorySagaStore sagaStore() {
        return sagas;
    }

    InMemoryCheckpoints checkpointStore() {
        return checkpoints;
    }
}
