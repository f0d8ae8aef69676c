package dev.allframe.spi.checkpoint;

import dev.allframe.EventEnvelope;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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

    /**
     * Runs {@code reset} and sets each of the checkpoints to 0, in one transaction holding all their locks where the
     * store has them: a projection split into segments is reset as a whole, so that no segment's batch ends between
     * the read model's reset and its checkpoint's. A store that does not do this for several keys throws
     * {@link UnsupportedOperationException} (as this default does), and projections split into segments cannot be
     * rebuilt on it.
     */
    default void reset(Collection<String> projections, Runnable reset) {
        if (projections.size() != 1) {
            throw new UnsupportedOperationException("reset of several checkpoints at once");
        }
        reset(projections.iterator().next(), reset);
    }

    /**
     * The checkpoints kept for a projection and for its segments, of any number, by key: the one under the
     * projection's name and every one whose key is the name followed by {@code [} (a segment's, such as
     * {@code ledger[2/4]}); those it never had are missing. A store that keeps checkpoints only for the process's
     * lifetime has none but the ones it was given since. This default knows only the projection's own, so that a
     * change in a projection's segments goes unnoticed on a store that does not override it.
     */
    default Map<String, Long> checkpoints(String projection) {
        long checkpoint = checkpoint(projection);
        return checkpoint == 0 ? Map.of() : Map.of(projection, checkpoint);
    }
}
