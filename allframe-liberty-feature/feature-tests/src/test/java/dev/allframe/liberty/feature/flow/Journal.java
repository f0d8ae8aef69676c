package dev.allframe.liberty.feature.flow;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What the saga's steps did, per order. */
@ApplicationScoped
public class Journal {

    private final Map<String, List<String>> entries = new ConcurrentHashMap<>();

    void record(String order, String entry) {
        entries.computeIfAbsent(order, o -> new ArrayList<>()).add(entry);
    }

    public List<String> of(String order) {
        return List.copyOf(entries.getOrDefault(order, List.of()));
    }
}
