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
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Folds aggregate state from a stream, starting from the state kept since the stream's last command
 * ({@link StateCache}), else from the newest usable snapshot when the store keeps snapshots, and writes a snapshot
 * each time a stream passes a multiple of the snapshot interval.
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
    private final StateCache cache;

    /** @param cachedStreams how many streams' states to keep between commands ({@link StateCache}); 0 for none */
    StateLoader(EventStore store, Optional<SnapshotStore> snapshots, int snapshotEvery,
                StateFingerprints fingerprints, int cachedStreams) {
        this.store = store;
        this.snapshots = snapshotEvery > 0 ? snapshots.orElse(null) : null;
        this.snapshotEvery = snapshotEvery;
        this.fingerprints = fingerprints;
        this.cache = new StateCache(cachedStreams);
    }

    /**
     * The stream's state: a confirmed kept state as it is, without reading ({@link LoadedState#unread()}: the append
     * it leads to is conditioned on its version all the same), else folded from what the store reads.
     */
    LoadedState load(StateModel model, String streamId) {
        StateCache.Entry kept = cache.get(model, streamId);
        if (kept != null && kept.confirmed()) {
            return new LoadedState(kept.state(), kept.version(), true);
        }
        return fold(model, streamId, true);
    }

    /**
     * The stream's state as the store reads it now, after a command decided on an {@link LoadedState#unread()} state
     * was refused or stored nothing: the same state when the stream has nothing newer, so that the decision stands.
     */
    LoadedState read(StateModel model, String streamId) {
        cache.doubt(model, streamId);
        return fold(model, streamId, true);
    }

    /** The state kept for the stream, if any, is checked against the stream by the next load. */
    void doubt(StateModel model, String streamId) {
        cache.doubt(model, streamId);
    }

    /**
     * The state from the kept state on when it is still the stream's, else from the newest usable snapshot on; a
     * snapshot that cannot be read is logged when {@code warn}.
     */
    private LoadedState fold(StateModel model, String streamId, boolean warn) {
        StateCache.Entry kept = cache.get(model, streamId);
        if (kept != null) {
            LoadedState resumed = resume(model, streamId, kept);
            if (resumed != null) {
                return resumed;
            }
            cache.remove(model, streamId);
        }
        LoadedState start = fromSnapshot(model, streamId, warn)
                .orElseGet(() -> new LoadedState(model.initial(), 0, false));
        return foldOn(model, streamId, start.state(), start.version(), null,
                store.readStream(streamId, start.version() + 1, READ_BATCH), 0);
    }

    /**
     * The kept state folded on with the events after it, or {@code null} when the stream no longer holds the event
     * the state was folded up to (its transaction rolled back).
     */
    private LoadedState resume(StateModel model, String streamId, StateCache.Entry kept) {
        List<EventEnvelope> page = store.readStream(streamId, kept.version(), READ_BATCH);
        if (page.isEmpty() || page.get(0).streamVersion() != kept.version()
                || !kept.eventId().equals(page.get(0).eventId())) {
            return null;
        }
        return foldOn(model, streamId, kept.state(), kept.version(), kept.eventId(), page, 1);
    }

    /** Folds {@code page} from {@code skip} on, then the pages after it, and keeps the state it reaches. */
    private LoadedState foldOn(StateModel model, String streamId, Object state, long version, UUID eventId,
                               List<EventEnvelope> page, int skip) {
        Object folded = state;
        long reached = version;
        UUID last = eventId;
        int from = skip;
        List<EventEnvelope> current = page;
        while (true) {
            for (int i = from; i < current.size(); i++) {
                EventEnvelope envelope = current.get(i);
                folded = model.apply(folded, envelope);
                reached = envelope.streamVersion();
                last = envelope.eventId();
            }
            if (current.size() < READ_BATCH) {
                break;
            }
            current = store.readStream(streamId, reached + 1, READ_BATCH);
            from = 0;
        }
        if (reached > version) {
            cache.put(model, streamId, folded, reached, last, false);
        }
        return new LoadedState(folded, reached, false);
    }

    /**
     * After {@code appended}, stored on {@code before}: keeps the state folded on with the stored events as confirmed
     * when the store reported them committed, and snapshots the state when the append passed a multiple of the
     * interval.
     */
    void appended(StateModel model, LoadedState before, AppendResult appended) {
        confirm(model, before, appended);
        snapshot(model, before, appended);
    }

    /**
     * Keeps {@code before} folded on with the committed events of {@code appended} (as the store reads them back) as a
     * confirmed state; a fold that fails drops the kept state, so that the next command folds what the store reads and
     * meets the failure there.
     */
    private void confirm(StateModel model, LoadedState before, AppendResult appended) {
        List<EventEnvelope> events = appended.events();
        if (!appended.committed() || appended.duplicate() || events.isEmpty()
                || events.get(0).streamVersion() != before.version() + 1) {
            return;
        }
        try {
            Object folded = before.state();
            for (EventEnvelope event : events) {
                folded = model.apply(folded, event);
            }
            EventEnvelope last = events.get(events.size() - 1);
            cache.put(model, appended.streamId(), folded, last.streamVersion(), last.eventId(), true);
        } catch (RuntimeException e) {
            cache.remove(model, appended.streamId());
        }
    }

    /** Snapshots the state after {@code appended} when the append passed a multiple of the interval. */
    private void snapshot(StateModel model, LoadedState before, AppendResult appended) {
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
                    .map(s -> new LoadedState(s.state(), s.streamVersion(), false));
        } catch (RuntimeException e) {
            if (warn) {
                LOG.log(Level.WARNING, e, () -> CommandMessages.snapshotNotRead(streamId).toString());
            }
            return Optional.empty();
        }
    }

    /**
     * A folded state and the stream version it reflects; {@code unread} when it is a confirmed kept state, used
     * without reading the stream.
     */
    record LoadedState(Object state, long version, boolean unread) {
    }
}
