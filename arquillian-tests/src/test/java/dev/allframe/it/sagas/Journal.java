package dev.allframe.it.sagas;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the steps did, per saga input. */
@ApplicationScoped
public class Journal {

    private final Map<String, List<String>> entries = new ConcurrentHashMap<>();

    public void record(String key, String entry) {
        entries.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(entry);
    }

    public List<String> entries(String key) {
        return List.copyOf(entries.getOrDefault(key, List.of()));
    }
}
