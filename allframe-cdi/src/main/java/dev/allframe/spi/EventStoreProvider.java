package dev.allframe.spi;

import dev.allframe.AllFrameMessage;
import java.util.List;

/**
 * Makes a store that {@code allframe.event-store} can name, and says what it supports. Providers are found with
 * {@link java.util.ServiceLoader}; the in-memory store ({@code memory}) is built in.
 */
public interface EventStoreProvider {

    /** The value of {@code allframe.event-store} that selects this provider. */
    String name();

    /** The configuration keys this provider's store reads. */
    default List<StoreConfigKey> configKeys() {
        return List.of();
    }

    /** Problems with this provider's configuration, found at deployment. */
    default List<AllFrameMessage> check(EventStoreContext context) {
        return List.of();
    }

    /** Creates the store once the application runs: its events and every further role it supports. */
    StoreCapabilities create(EventStoreContext context);
}
