package dev.allframe.core.projection;

import dev.allframe.EventEnvelope;
import dev.allframe.spi.checkpoint.CheckpointStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Checkpoints in memory, without transactions: what was applied stays applied. */
public final class InMemoryCheckpoints implements CheckpointStore {

    private final Map<String, Long> checkpoints = new ConcurrentHashMap<>();

    @Override
    public long checkpoint(String projection) {
        return checkpoints.getOrDefault(projection, 0L);
    }

    @Override
    public void applyBatch(String projection, List<EventEnvelope> events, Consumer<EventEnvelope> apply) {
        for (EventEnvelope event : events) {
            apply.accept(event);
            checkpoints.put(projection, event.globalPosition());
        }
    }

    @Override
    public void reset(String projection, Runnable reset) {
        reset.run();
        checkpoints.put(projection, 0L);
    }
}
