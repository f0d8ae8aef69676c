package dev.allframe.spi.checkpoint;

import dev.allframe.EventEnvelope;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where tracking projections keep how far they have read the global log. A store with transactions
 * applies a batch and records its checkpoint in one transaction, so that a projection keeping its own
 * state in that transaction (a JPA-backed read model) applies each event exactly once.
 */
public interface CheckpointStore {

    /** The global position the projection has applied up to; 0 when it never ran. */
    long checkpoint(String projection);

    /**
     * Applies {@code events} in order with {@code apply} and records the last one's position as the
     * checkpoint. When {@code apply} throws, the exception propagates and the checkpoint is left where the
     * applied effects are: a transactional store rolls the whole batch back and keeps the previous
     * checkpoint; a store without transactions records the position of the last event applied.
     */
    void applyBatch(String projection, List<EventEnvelope> events, Consumer<EventEnvelope> apply);

    /** Runs {@code reset} and sets the checkpoint to 0, in one transaction where the store has them. */
    void reset(String projection, Runnable reset);
}
