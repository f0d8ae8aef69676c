package dev.allframe.spi.snapshot;

import java.util.Optional;

/**
 * Keeps snapshots of aggregate state, so that loading a long stream replays only the events after the
 * newest snapshot. Snapshots are a cache: a store may drop or refuse any of them, and the state is then
 * folded from the events.
 */
public interface SnapshotStore {

    /**
     * The newest snapshot of {@code streamId} whose state is a {@code stateType} with
     * {@code stateFingerprint}; empty when there is none or it was written for another shape of the class.
     */
    Optional<Snapshot> loadSnapshot(String streamId, Class<?> stateType, String stateFingerprint);

    /** Keeps {@code snapshot} as the stream's newest, unless a newer one is already kept. */
    void saveSnapshot(Snapshot snapshot);
}
