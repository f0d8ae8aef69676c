package dev.allframe.spi;

import dev.allframe.AllFrameMessage;
import dev.allframe.spi.event.EventStore;
import java.util.List;

/**
 * Makes an event store that {@code allframe.event-store} can name. Providers are found with
 * {@link java.util.ServiceLoader}; the in-memory store ({@code memory}) is built in.
 */
public interface EventStoreProvider {

    /** The value of {@code allframe.event-store} that selects this provider. */
    String name();

    /** Problems with this provider's configuration, found at deployment; each message starts with an id. */
    default List<AllFrameMessage> check(EventStoreContext context) {
        return List.of();
    }

    /** Creates the store once the application runs. */
    EventStore create(EventStoreContext context);
}
