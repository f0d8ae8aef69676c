package dev.allframe.testing;

import dev.allframe.EventEnvelope;
import dev.allframe.memory.InMemoryEventStore;
import dev.allframe.spi.snapshot.Snapshot;
import dev.allframe.spi.snapshot.SnapshotStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An in-memory store that keeps snapshots and records which versions streams are read from. */
public class SnapshottingEventStore extends ForwardingEventStore implements SnapshotStore {

    private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();
    private final List<Long> readsFrom = new ArrayList<>();
    private final List<Snapshot> saved = new ArrayList<>();
    private boolean failing;

    public SnapshottingEventStore() {
    }

    /** Over {@code events}, which keeps the events. */
    public SnapshottingEventStore(InMemoryEventStore events) {
        super(events);
    }

    /** Makes every snapshot read and write fail. */
    public void failSnapshots() {
        failing = true;
    }

    public void putSnapshot(Snapshot snapshot) {
        snapshots.put(snapshot.streamId(), snapshot);
    }

    /** The versions {@link #readStream} was called from, in order. */
    public List<Long> readsFrom() {
        return readsFrom;
    }

    public List<Snapshot> saved() {
        return saved;
    }

    @Override
    public Optional<Snapshot> loadSnapshot(String streamId, Class<?> stateType, String stateFingerprint) {
        if (failing) {
            throw new IllegalStateException("snapshot table is gone");
        }
        return Optional.ofNullable(snapshots.get(streamId))
                .filter(s -> s.stateFingerprint().equals(stateFingerprint) && stateType.isInstance(s.state()));
    }

    @Override
    public void saveSnapshot(Snapshot snapshot) {
        if (failing) {
            throw new IllegalStateException("snapshot table is gone");
        }
        saved.add(snapshot);
        snapshots.put(snapshot.streamId(), snapshot);
    }

    @Override
    public List<EventEnvelope> readStream(String streamId, long fromVersion, int maxCount) {
        readsFrom.add(fromVersion);
        return delegate.readStream(streamId, fromVersion, maxCount);
    }
}
