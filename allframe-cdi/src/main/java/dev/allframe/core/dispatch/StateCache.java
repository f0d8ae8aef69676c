package dev.allframe.core.dispatch;

import dev.allframe.core.handler.StateModel;
import java.util.Iterator;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The states of recently used streams, kept between commands so that a command folds only the events appended since
 * the last one. A state is kept with the version it reflects and the id of the event at that version. A state folded
 * from what a read gave is checked by the next load: it reads the stream from that version on and uses the state only
 * when the event read there has the same id. An event id is never stored twice, so a state folded from events that
 * were rolled back afterwards (a caller's JTA transaction sees its own uncommitted events) is dropped as soon as the
 * stream holds something else, or nothing, at that version. A state folded on with the events of an append the store
 * reported committed is {@linkplain Entry#confirmed() confirmed}: nothing can take those events back, so the next
 * command is decided on it without reading, and appends on the condition that the stream is still at its version
 * (another server's append meanwhile is then a conflict, and the command is decided again on what a read gives).
 * Only immutable states are kept ({@link ImmutableStates}); at most {@code capacity} streams, beyond which some are
 * dropped.
 */
final class StateCache {

    private final int capacity;
    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();

    StateCache(int capacity) {
        this.capacity = capacity;
    }

    Entry get(StateModel model, String streamId) {
        return capacity == 0 ? null : entries.get(new Key(model, streamId));
    }

    void remove(StateModel model, String streamId) {
        entries.remove(new Key(model, streamId));
    }

    /**
     * Keeps {@code state}, folded up to the event {@code eventId} at {@code version}, unless a newer one is kept;
     * {@code confirmed} when every event it was folded from is known committed.
     */
    void put(StateModel model, String streamId, Object state, long version, UUID eventId, boolean confirmed) {
        if (capacity == 0 || version == 0 || eventId == null || state == null
                || !ImmutableStates.immutable(state.getClass())) {
            return;
        }
        entries.merge(new Key(model, streamId), new Entry(state, version, eventId, confirmed),
                (kept, folded) -> folded.version() >= kept.version() ? folded : kept);
        if (entries.size() > capacity) {
            trim();
        }
    }

    int size() {
        return entries.size();
    }

    /** Drops an eighth of the entries, whichever the map gives first. */
    private void trim() {
        int drop = Math.max(1, capacity / 8);
        Iterator<Key> keys = entries.keySet().iterator();
        while (drop-- > 0 && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }

    /**
     * Keeps the state kept for the stream, if any, as one a load must check against the stream again (a command
     * decided on it met a conflict, or was refused or stored nothing, which a newer state might have changed).
     */
    void doubt(StateModel model, String streamId) {
        entries.computeIfPresent(new Key(model, streamId),
                (key, kept) -> kept.confirmed() ? new Entry(kept.state(), kept.version(), kept.eventId(), false) : kept);
    }

    /**
     * A kept state: folded up to the event {@code eventId}, at {@code version} of its stream; {@code confirmed} when
     * every event it was folded from is known committed, so that a command may be decided on it without reading.
     */
    record Entry(Object state, long version, UUID eventId, boolean confirmed) {
    }

    private record Key(StateModel model, String streamId) {
    }
}
