package dev.allframe.benchmarks.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * An Axon aggregate cache that never forgets: every aggregate stays loaded, so Axon never replays a
 * stream in the in-memory cycle (its in-memory storage engine finds an aggregate's events by scanning
 * every stored event).
 */
public final class MapCache implements Cache {

    private final Map<Object, Object> entries = new ConcurrentHashMap<>();

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        return (V) entries.get(key);
    }

    @Override
    public void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.putIfAbsent(key, value) == null;
    }

    @Override
    public boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        return () -> true;
    }
}
