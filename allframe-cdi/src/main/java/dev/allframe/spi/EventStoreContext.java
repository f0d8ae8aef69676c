package dev.allframe.spi;

import dev.allframe.spi.event.EventDecoder;
import java.time.Clock;
import java.util.Optional;

/** What an {@link EventStoreProvider} gets from AllFrame to build its store. */
public interface EventStoreContext {

    /** The configuration value of {@code key}, if set. */
    Optional<String> config(String key);

    /**
     * The application's bean of {@code type}, when exactly one exists; always empty while the
     * application deploys ({@link EventStoreProvider#check}).
     */
    <T> Optional<T> bean(Class<T> type);

    /** Turns stored events into the newest version of their event classes. */
    EventDecoder events();

    Clock clock();

    /** Where the store reports how many appends its commits carried; nowhere by default. */
    default StoreMetrics metrics() {
        return StoreMetrics.NONE;
    }
}
