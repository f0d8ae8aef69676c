package dev.allframe.jpa.internal;

import dev.allframe.spi.event.EventSerializer;
import dev.allframe.spi.snapshot.Snapshot;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Snapshots as JSON rows. A state is only snapshotted when it reads back from its JSON equal to itself;
 * a state class that does not is reported once and never snapshotted, so a snapshot can never restore
 * less than the events would.
 */
public final class SnapshotRows {

    private static final Logger LOG = Logger.getLogger(SnapshotRows.class.getName());

    private final EventSerializer serializer;
    private final Set<Class<?>> refused = ConcurrentHashMap.newKeySet();

    public SnapshotRows(EventSerializer serializer) {
        this.serializer = serializer;
    }

    public Optional<Snapshot> load(EntityManager em, String streamId, Class<?> stateType, String fingerprint) {
        SnapshotRow row = em.find(SnapshotRow.class, streamId);
        if (row == null || !row.stateType().equals(stateType.getName()) || !row.stateFingerprint().equals(fingerprint)) {
            return Optional.empty();
        }
        return Optional.of(new Snapshot(streamId, row.streamVersion(), fingerprint,
                serializer.fromJson(row.payload(), stateType)));
    }

    /** The snapshot's JSON, or empty when its state does not survive the trip through JSON. */
    public Optional<String> json(Snapshot snapshot) {
        Class<?> type = snapshot.state().getClass();
        if (refused.contains(type)) {
            return Optional.empty();
        }
        String json = serializer.toJson(snapshot.state());
        if (RoundTrip.difference(snapshot.state(), json, text -> serializer.fromJson(text, type), serializer)
                .isPresent()) {
            if (refused.add(type)) {
                LOG.warning(JpaStoreMessages.snapshotNotRoundTripping(type).toString());
            }
            return Optional.empty();
        }
        return Optional.of(json);
    }

    /** Keeps {@code snapshot} unless a newer one is kept; one at the same version replaces it (a new state shape). */
    public void save(EntityManager em, Snapshot snapshot, String json, Instant now) {
        SnapshotRow row = em.find(SnapshotRow.class, snapshot.streamId());
        if (row == null) {
            row = new SnapshotRow(snapshot.streamId());
            row.update(snapshot.streamVersion(), snapshot.state().getClass().getName(), snapshot.stateFingerprint(), json, now);
            em.persist(row);
        } else if (row.streamVersion() <= snapshot.streamVersion()) {
            row.update(snapshot.streamVersion(), snapshot.state().getClass().getName(), snapshot.stateFingerprint(), json, now);
        }
    }
}
