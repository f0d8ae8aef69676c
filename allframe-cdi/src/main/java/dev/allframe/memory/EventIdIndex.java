package dev.allframe.memory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The ids of every event an in-memory store holds, to refuse one stored before. Time-ordered ids (version 7, what
 * AllFrame makes) are kept by their millisecond, so that an append touches only the small set of the current
 * millisecond rather than a table as large as the log, which would miss the processor's caches at each append; other
 * ids are kept in one set. A version 7 id never equals an id of another version, so each is looked up in one place.
 * Not thread-safe: the store calls it under its append lock.
 */
final class EventIdIndex {

    private static final int VERSION_7 = 7;

    private final Map<Long, Set<UUID>> byMillisecond = new HashMap<>();
    private final Set<UUID> others = new HashSet<>();
    private long lastMillisecond = -1;
    private Set<UUID> lastBucket;

    boolean contains(UUID id) {
        if (id.version() != VERSION_7) {
            return others.contains(id);
        }
        Set<UUID> bucket = bucket(id, false);
        return bucket != null && bucket.contains(id);
    }

    void add(UUID id) {
        if (id.version() != VERSION_7) {
            others.add(id);
        } else {
            bucket(id, true).add(id);
        }
    }

    private Set<UUID> bucket(UUID id, boolean create) {
        long millisecond = id.getMostSignificantBits() >>> 16;
        if (millisecond == lastMillisecond) {
            return lastBucket;
        }
        Set<UUID> bucket = create ? byMillisecond.computeIfAbsent(millisecond, m -> new HashSet<>(8))
                : byMillisecond.get(millisecond);
        if (bucket != null) {
            lastMillisecond = millisecond;
            lastBucket = bucket;
        }
        return bucket;
    }
}
