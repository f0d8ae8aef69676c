package dev.allframe.cdi;

import dev.allframe.core.config.AllFrameConfig;
import dev.allframe.spi.EventStoreProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** The event stores on the application's class path, by the name {@code allframe.event-store} uses. */
final class EventStoreProviders {

    private final Map<String, EventStoreProvider> byName;

    private EventStoreProviders(Map<String, EventStoreProvider> byName) {
        this.byName = byName;
    }

    static EventStoreProviders load() {
        Map<String, EventStoreProvider> byName = new LinkedHashMap<>();
        for (ClassLoader loader : loaders()) {
            for (EventStoreProvider provider : ServiceLoader.load(EventStoreProvider.class, loader)) {
                byName.putIfAbsent(provider.name(), provider);
            }
        }
        return new EventStoreProviders(byName);
    }

    /** {@code memory} and every provider's name. */
    List<String> names() {
        List<String> names = new ArrayList<>();
        names.add(AllFrameConfig.MEMORY_STORE);
        names.addAll(byName.keySet());
        return names;
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
