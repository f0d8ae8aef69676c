package dev.allframe.memory;

import dev.allframe.EventEnvelope;
import dev.allframe.event.EventQuery;
import dev.allframe.event.QueryItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The events of the in-memory store by tag, for queries: an item with tags is answered from the events carrying the
 * rarest of its tags, an item without from the whole log, each from the first event after the position asked for. Written
 * under the store's append lock, read without a lock like the log.
 */
final class TagIndex {

    private static final int PAGE = 256;

    private final AppendOnlyLog<EventEnvelope> log;
    private final Map<String, AppendOnlyLog<EventEnvelope>> byTag = new ConcurrentHashMap<>();

    TagIndex(AppendOnlyLog<EventEnvelope> log) {
        this.log = log;
    }

    /** Indexes {@code stored}, which the log holds already; under the append lock. */
    void add(List<EventEnvelope> stored) {
        Map<String, List<EventEnvelope>> tagged = new TreeMap<>();
        for (EventEnvelope event : stored) {
            for (String tag : event.tags()) {
                tagged.computeIfAbsent(tag, t -> new ArrayList<>()).add(event);
            }
        }
        tagged.forEach((tag, events) -> byTag.computeIfAbsent(tag, t -> new AppendOnlyLog<>()).addAll(events));
    }

    /** Up to {@code maxCount} events matching {@code query} above {@code after}, in order, as stored. */
    List<EventEnvelope> read(EventQuery query, long after, int maxCount) {
        if (maxCount <= 0) {
            return List.of();
        }
        if (query.matchesAll()) {
            return log.read(Math.max(0, after), maxCount);
        }
        TreeMap<Long, EventEnvelope> found = new TreeMap<>();
        for (QueryItem item : query.items()) {
            long bound = found.size() < maxCount ? Long.MAX_VALUE : found.lastKey();
            for (EventEnvelope event : read(item, after, maxCount, bound)) {
                found.put(event.globalPosition(), event);
            }
            while (found.size() > maxCount) {
                found.pollLastEntry();
            }
        }
        return new ArrayList<>(found.values());
    }

    /** The events carrying the tag of {@code item} that fewest events carry; {@code null} when one is on none. */
    private AppendOnlyLog<EventEnvelope> rarest(QueryItem item) {
        AppendOnlyLog<EventEnvelope> rarest = null;
        for (String tag : item.tags()) {
            AppendOnlyLog<EventEnvelope> events = byTag.get(tag);
            if (events == null) {
                return null;
            }
            if (rarest == null || events.size() < rarest.size()) {
                rarest = events;
            }
        }
        return rarest;
    }

    /** Up to {@code maxCount} events matching {@code item} above {@code after} and below {@code bound}. */
    private List<EventEnvelope> read(QueryItem item, long after, int maxCount, long bound) {
        AppendOnlyLog<EventEnvelope> source = item.tags().isEmpty() ? log : rarest(item);
        List<EventEnvelope> found = new ArrayList<>();
        if (source == null) {
            return found;
        }
        int from = source == log ? (int) Math.max(0, after) : source.firstAbove(after, EventEnvelope::globalPosition);
        while (found.size() < maxCount) {
            List<EventEnvelope> page = source.read(from, PAGE);
            for (EventEnvelope event : page) {
                if (event.globalPosition() >= bound) {
                    return found;
                }
                if (item.matches(event.typeName(), event.tags()) && found.size() < maxCount) {
                    found.add(event);
                }
            }
            if (page.size() < PAGE) {
                break;
            }
            from += PAGE;
        }
        return found;
    }
}
