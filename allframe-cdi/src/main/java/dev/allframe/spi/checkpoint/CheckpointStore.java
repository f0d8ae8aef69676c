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
     * checkpoint, provided the checkpoint is still {@code after}, the position the batch was read after. When it
     * is not, another process (or another thread of this one) moved it meanwhile: it applied these events itself,
     * it rebuilt the projection, or an operator moved the checkpoint back. Then nothing is applied, and the caller
     * reads again after the checkpoint returned, so that no process writes a position over one it did not read
     * from. A transactional store checks and applies in one transaction holding the checkpoint's lock. When
     * {@code apply} throws, the exception propagates and the checkpoint is left where the applied effects are: a
     * transactional store rolls the whole batch back and keeps the previous checkpoint; a store without
     * transactions records the position of the last event applied.
     *
     * @return the checkpoint once the call is done: the last event's position when the batch was applied, the
     *         checkpoint found (not {@code after}) when nothing was
     */
    long applyBatch(String projection, long after, List<EventEnvelope> events, Consumer<EventEnvelope> apply);

    /** Runs {@code reset} and sets the checkpoint to 0, in one transaction where the store has them. */
    void reset(String projection, Runnable reset);
}
