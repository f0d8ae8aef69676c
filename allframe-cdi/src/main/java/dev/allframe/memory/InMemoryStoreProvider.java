package dev.allframe.memory;

import dev.allframe.core.projection.InMemoryCheckpoints;
import dev.allframe.spi.EventStoreContext;
import dev.allframe.spi.EventStoreProvider;
import dev.allframe.spi.StoreCapabilities;

/**
 * The built-in store ({@code allframe.event-store=memory}, the default): events, inline listeners, checkpoints
 * with the events projections parked, and sagas, all in memory and gone when the application stops; no
 * snapshots, as folding a stream in memory costs little.
 */
public final class InMemoryStoreProvider implements EventStoreProvider {

    /** The name {@code allframe.event-store} gives it. */
    public static final String NAME = "memory";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StoreCapabilities create(EventStoreContext context) {
        InMemoryEventStore store = new InMemoryEventStore(context.clock(), context.events());
        InMemoryCheckpoints checkpoints = new InMemoryCheckpoints(context.clock());
        return StoreCapabilities.eventsOnly(store).withInlineListeners(store)
                .withCheckpoints(checkpoints).withDeadLetters(checkpoints)
                .withSagas(new InMemorySagaStore(context.clock()));
    }
}
