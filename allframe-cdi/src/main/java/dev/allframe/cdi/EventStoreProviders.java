package dev.allframe.cdi;

import dev.allframe.memory.InMemoryStoreProvider;
import dev.allframe.spi.EventStoreProvider;
import dev.allframe.spi.StoreConfigKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The stores on the application's class path, by the name {@code allframe.event-store} uses: the built-in
 * in-memory store and every provider {@link ServiceLoader} finds.
 */
final class EventStoreProviders {

    private final Map<String, EventStoreProvider> byName;

    private EventStoreProviders(Map<String, EventStoreProvider> byName) {
        this.byName = byName;
    }

    static EventStoreProviders load() {
        Map<String, EventStoreProvider> byName = new LinkedHashMap<>();
        EventStoreProvider memory = new InMemoryStoreProvider();
        byName.put(memory.name(), memory);
        for (ClassLoader loader : loaders()) {
            for (EventStoreProvider provider : ServiceLoader.load(EventStoreProvider.class, loader)) {
                byName.putIfAbsent(provider.name(), provider);
            }
        }
        return new EventStoreProviders(byName);
    }

    /** Every store's name, the in-memory store's first. */
    List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** The configuration keys of every store. */
    List<String> configKeys() {
        return byName.values().stream().flatMap(provider -> provider.configKeys().stream())
                .map(StoreConfigKey::key).distinct().toList();
    }

    Optional<EventStoreProvider> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    private static List<ClassLoader> loaders() {
        List<ClassLoader> loaders = new ArrayList<>();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            loaders.add(context);
        }
        loaders.add(EventStoreProviders.class.getClassLoader());
        return loaders;
    }
}
