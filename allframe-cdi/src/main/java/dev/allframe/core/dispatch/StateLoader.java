package dev.allframe.core.dispatch;

import dev.allframe.EventEnvelope;
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
 */
final class StateLoader {

    private static final Logger LOG = Logger.getLogger(StateLoader.class.getName());
    private static final int READ_BATCH = 512;

    private final EventStore store;
    private final SnapshotStore snapshots;
    private final int snapshotEvery;

    StateLoader(EventStore store, Optional<SnapshotStore> snapshots, int snapshotEvery) {
        this.store = store;
        this.snapshots = snapshotEvery > 0 ? snapshots.orElse(null) : null;
        this.snapshotEvery = snapshotEvery;
    }

    LoadedState load(StateModel model, String streamId) {
        LoadedState start = fromSnapshot(model, streamId).orElseGet(() -> new LoadedState(model.initial(), 0));
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
            Object state = before.state();
            for (EventEnvelope envelope : appended.events()) {
                state = model.apply(state, envelope);
            }
            snapshots.saveSnapshot(new Snapshot(appended.streamId(), appended.streamVersion(), model.fingerprint(), state));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> CommandMessages.snapshotNotWritten(appended.streamId(), appended.streamVersion()).toString());
        }
    }

    private Optional<LoadedState> fromSnapshot(StateModel model, String streamId) {
        if (snapshots == null) {
            return Optional.empty();
        }
        try {
            return snapshots.loadSnapshot(streamId, model.type(), model.fingerprint())
                    .map(s -> new LoadedState(s.state(), s.streamVersion()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> CommandMessages.snapshotNotRead(streamId).toString());
            return Optional.empty();
        }
    }

    /** A folded state and the stream version it reflects. */
    record LoadedState(Object state, long version) {
    }
}
