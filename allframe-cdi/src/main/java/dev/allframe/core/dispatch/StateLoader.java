package dev.allframe.core.dispatch;

import dev.allframe.EventEnvelope;
import dev.allframe.core.handler.StateFingerprints;
import dev.allframe.core.handler.StateModel;
import dev.allframe.core.message.CommandMessages;
import dev.allframe.spi.event.AppendResult;
import dev.allframe.spi.event.EventStore;
import dev.allframe.spi.snapshot.Snapshot;
import dev.allframe.spi.snapshot.SnapshotStore;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Folds aggregate state from a stream, starting from the newest usable snapshot when the store keeps
 * snapshots, and writes a snapshot each time a stream passes a multiple of the snapshot interval.
 * Snapshots are a cache: failing to read or write one is logged and the events are folded instead.
 * <p>
 * A snapshot is usable when it carries the fingerprint of this deployment's fold ({@link StateFingerprints}). The
 * snapshot written after an append is a fold of what the store reads back, from the newest usable snapshot on, not
 * of the state the handler was given and the events it returned: so it is what a later fold of the stored, upcast
 * events gives, whatever version of an event class the handler returned and whatever it did to a mutable state.
 */
final class StateLoader {

    private static final Logger LOG = Logger.getLogger(StateLoader.class.getName());
    private static final int READ_BATCH = 512;

    private final EventStore store;
    private final SnapshotStore snapshots;
    private final int snapshotEvery;
    private final StateFingerprints fingerprints;

    StateLoader(EventStore store, Optional<SnapshotStore> snapshots, int snapshotEvery,
                StateFingerprints fingerprints) {
        this.store = store;
        this.snapshots = snapshotEvery > 0 ? snapshots.orElse(null) : null;
        this.snapshotEvery = snapshotEvery;
        this.fingerprints = fingerprints;
    }

    LoadedState load(StateModel model, String streamId) {
        return fold(model, streamId, true);
    }

    /** The state from the newest usable snapshot on; a snapshot that cannot be read is logged when {@code warn}. */
    private LoadedState fold(StateModel model, String streamId, boolean warn) {
        LoadedState start = fromSnapshot(model, streamId, warn).orElseGet(() -> new LoadedState(model.initial(), 0));
        Object state = start.state();
        long version = start.version();
        List<EventEnvelope> page;
        do {
            page = store.readStream(streamId, version + 1, READ_BATCH);
            for (EventEnvelope envelope : page) {
                state = model.apply(state, envelope);
                version = envelope.streamVersion();
            }
        } while (page.size() == READ_BATCH);
        return new LoadedState(state, version);
    }

    /** Snapshots the state after {@code appended} when the append passed a multiple of the interval. */
    void appended(StateModel model, LoadedState before, AppendResult appended) {
        if (snapshots == null || appended.duplicate()
                || before.version() / snapshotEvery == appended.streamVersion() / snapshotEvery) {
            return;
        }
        try {
            LoadedState stored = fold(model, appended.streamId(), false);
            if (stored.version() > before.version()) {
                snapshots.saveSnapshot(new Snapshot(appended.streamId(), stored.version(), fingerprints.of(model),
                        stored.state()));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> CommandMessages.snapshotNotWritten(appended.streamId(), appended.streamVersion()).toString());
        }
    }

    private Optional<LoadedState> fromSnapshot(StateModel model, String streamId, boolean warn) {
        if (snapshots == null) {
            return Optional.empty();
        }
        try {
            return snapshots.loadSnapshot(streamId, model.type(), fingerprints.of(model))
                    .map(s -> new LoadedState(s.state(), s.streamVersion()));
        } catch (RuntimeException e) {
            if (warn) {
                LOG.log(Level.WARNING, e, () -> CommandMessages.snapshotNotRead(streamId).toString());
            }
            return Optional.empty();
        }
    }

    /** A folded state and the stream version it reflects. */
    record LoadedState(Object state, long version) {
    }
}
