package dev.allframe.core.projection;

import dev.allframe.EventEnvelope;
import dev.allframe.projection.ParkedEvent;
import dev.allframe.spi.checkpoint.CheckpointStore;
import dev.allframe.spi.deadletter.DeadLetterStore;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The position of one projection whose read model is in memory, kept in memory, with the events it parked kept by
 * the store: those stay parked across restarts, and the replay at each start goes past them rather than meeting them
 * again. On several processes, each replays on its own and the first to park an event records it for all.
 */
final class ReplayingCheckpoints implements CheckpointStore, DeadLetterStore {

    private final InMemoryCheckpoints positions = new InMemoryCheckpoints();
    private final DeadLetterStore stored;
    private final String projection;
    private volatile Set<Long> parkedPositions;

    ReplayingCheckpoints(String projection, DeadLetterStore stored) {
        this.projection = projection;
        this.stored = stored;
    }

    @Override
    public long checkpoint(String name) {
        return positions.checkpoint(name);
    }

    /** Applies the batch's events but those parked in the store, and moves the position past all of them. */
    @Override
    public long applyBatch(String name, long after, List<EventEnvelope> events, Consumer<EventEnvelope> apply) {
        Set<Long> parked = parkedPositions();
        return positions.applyBatch(name, after, events, event -> {
            if (!parked.contains(event.globalPosition())) {
                apply.accept(event);
            }
        });
    }

    @Override
    public void reset(String name, Runnable reset) {
        positions.reset(name, reset);
    }

    @Override
    public void reset(Collection<String> names, Runnable reset) {
        positions.reset(names, reset);
    }

    @Override
    public Map<String, Long> checkpoints(String name) {
        return positions.checkpoints(name);
    }

    /** Records the event in the store, also when another process recorded it first, and goes past it. */
    @Override
    public boolean park(ParkedEvent event) {
        if (positions.checkpoint(event.projection()) >= event.position()) {
            return false;
        }
        stored.record(event);
        parkedPositions().add(event.position());
        positions.advanceTo(event.projection(), event.position());
        return true;
    }

    @Override
    public boolean record(ParkedEvent event) {
        boolean recorded = stored.record(event);
        parkedPositions().add(event.position());
        return recorded;
    }

    @Override
    public List<ParkedEvent> parked(String name) {
        return stored.parked(name);
    }

    @Override
    public long parkedCount(String name) {
        return stored.parkedCount(name);
    }

    @Override
    public boolean applyParked(String name, EventEnvelope event, Consumer<EventEnvelope> apply) {
        boolean applied = stored.applyParked(name, event, apply);
        if (applied) {
            parkedPositions().remove(event.globalPosition());
        }
        return applied;
    }

    @Override
    public void retryFailed(String name, long position, String failure, Instant at) {
        stored.retryFailed(name, position, failure, at);
    }

    /** The positions parked in the store, read the first time they matter. */
    private Set<Long> parkedPositions() {
        Set<Long> known = parkedPositions;
        if (known == null) {
            Set<Long> loaded = ConcurrentHashMap.newKeySet();
            stored.parked(projection).forEach(parked -> loaded.add(parked.position()));
            parkedPositions = loaded;
            known = loaded;
        }
        return known;
    }
}
