package dev.allframe.core.projection;

import dev.allframe.EventEnvelope;
import dev.allframe.projection.ParkedEvent;
import dev.allframe.spi.checkpoint.CheckpointStore;
import dev.allframe.spi.deadletter.DeadLetterStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Checkpoints in memory, without transactions: what was applied stays applied. The events the projections park
 * are kept here too, beside the checkpoints they move, and are gone with them when the application stops.
 */
public final class InMemoryCheckpoints implements CheckpointStore, DeadLetterStore {

    private final Map<String, Long> checkpoints = new ConcurrentHashMap<>();
    private final Map<String, NavigableMap<Long, ParkedEvent>> parked = new ConcurrentHashMap<>();

    @Override
    public long checkpoint(String projection) {
        return checkpoints.getOrDefault(projection, 0L);
    }

    @Override
    public synchronized long applyBatch(String projection, long after, List<EventEnvelope> events,
                                        Consumer<EventEnvelope> apply) {
        long checkpoint = checkpoint(projection);
        if (checkpoint != after) {
            return checkpoint;
        }
        for (EventEnvelope event : events) {
            apply.accept(event);
            checkpoints.put(projection, event.globalPosition());
        }
        return checkpoint(projection);
    }

    @Override
    public synchronized void reset(String projection, Runnable reset) {
        reset.run();
        checkpoints.put(projection, 0L);
    }

    @Override
    public synchronized boolean park(ParkedEvent event) {
        if (checkpoint(event.projection()) >= event.position()) {
            return false;
        }
        parkedOf(event.projection()).put(event.position(), event);
        checkpoints.put(event.projection(), event.position());
        return true;
    }

    @Override
    public synchronized boolean record(ParkedEvent event) {
        return parkedOf(event.projection()).putIfAbsent(event.position(), event) == null;
    }

    /** Moves the projection's checkpoint to {@code position}, unless it is there or past it already. */
    synchronized void advanceTo(String projection, long position) {
        checkpoints.merge(projection, position, Math::max);
    }

    @Override
    public synchronized List<ParkedEvent> parked(String projection) {
        return List.copyOf(parkedOf(projection).values());
    }

    @Override
    public synchronized long parkedCount(String projection) {
        return parkedOf(projection).size();
    }

    @Override
    public synchronized boolean applyParked(String projection, EventEnvelope event, Consumer<EventEnvelope> apply) {
        if (!parkedOf(projection).containsKey(event.globalPosition())) {
            return false;
        }
        apply.accept(event);
        parkedOf(projection).remove(event.globalPosition());
        return true;
    }

    @Override
    public synchronized void retryFailed(String projection, long position, String failure, Instant at) {
        parkedOf(projection).computeIfPresent(position, (p, event) -> event.retriedAndFailed(failure, at));
    }

    private NavigableMap<Long, ParkedEvent> parkedOf(String projection) {
        return parked.computeIfAbsent(projection, p -> new TreeMap<>());
    }
}
