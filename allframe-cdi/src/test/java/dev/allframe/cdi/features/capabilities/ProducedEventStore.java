package dev.allframe.cdi.features.capabilities;

import dev.allframe.memory.InMemoryEventStore;
import dev.allframe.spi.event.EventStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** An application's event store, produced and typed as nothing but an {@link EventStore}. */
@ApplicationScoped
public class ProducedEventStore {

    @Produces
    @ApplicationScoped
    EventStore store() {
        return new InMemoryEventStore(Clock.systemUTC());
    }

    void close(@Disposes EventStore store) {
    }
}
