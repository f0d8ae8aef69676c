package dev.allframe.cdi;

import dev.allframe.AllFrameMessage;
import dev.allframe.core.MissingClass;
import dev.allframe.core.message.StoreMessages;
import dev.allframe.memory.InMemoryStoreProvider;
import dev.allframe.spi.EventStoreProvider;
import dev.allframe.spi.StoreConfigKey;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The stores on the application's class path, by the name {@code allframe.event-store} uses: the built-in
 * in-memory store and every provider {@link ServiceLoader} finds. A provider that cannot be loaded (its class, or a
 * class it needs, is missing) is a deployment problem: its store would otherwise silently not exist.
 */
final class EventStoreProviders {

    /** How many providers that fail to load are reported before the search gives up on a class loader. */
    private static final int MAX_FAILURES = 20;

    private final Map<String, EventStoreProvider> byName;
    private final List<AllFrameMessage> problems;

    private EventStoreProviders(Map<String, EventStoreProvider> byName, List<AllFrameMessage> problems) {
        this.byName = byName;
        this.problems = List.copyOf(problems);
    }

    static EventStoreProviders load() {
        Map<String, EventStoreProvider> byName = new LinkedHashMap<>();
        Set<AllFrameMessage> problems = new LinkedHashSet<>();
        EventStoreProvider memory = new InMemoryStoreProvider();
        byName.put(memory.name(), memory);
        for (ClassLoader loader : loaders()) {
            loadFrom(loader, byName, problems);
        }
        return new EventStoreProviders(byName, new ArrayList<>(problems));
    }

    /** Adds the providers {@code loader} finds; one that fails to load is a problem, and the search goes on. */
    private static void loadFrom(ClassLoader loader, Map<String, EventStoreProvider> byName,
                                 Set<AllFrameMessage> problems) {
        Iterator<EventStoreProvider> found = ServiceLoader.load(EventStoreProvider.class, loader).iterator();
        int failures = 0;
        while (failures <= MAX_FAILURES) {
            try {
                if (!found.hasNext()) {
                    return;
                }
                EventStoreProvider provider = found.next();
                byName.putIfAbsent(provider.name(), provider);
            } catch (ServiceConfigurationError | LinkageError e) {
                Throwable cause = e instanceof ServiceConfigurationError && e.getCause() != null ? e.getCause() : e;
                problems.add(StoreMessages.providerNotLoadable(e.getMessage(), MissingClass.describe(cause)));
                failures++;
            }
        }
    }

    /** The providers on the class path that could not be loaded, each a deployment problem. */
    List<AllFrameMessage> problems() {
        return problems;
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
