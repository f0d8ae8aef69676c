package dev.allframe.core.projection;

import dev.allframe.EventEnvelope;
import dev.allframe.spi.checkpoint.CheckpointStore;
import dev.allframe.spi.checkpoint.ProjectionControl;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Whether this node applies an async projection's events. A projection whose checkpoints only this process sees
 * (kept in memory, or a store that shares nothing) is applied {@link Everywhere}; one whose checkpoint store shares
 * projections between nodes through leases is applied where the lease is ({@link LeasedOwnership}).
 */
sealed interface Ownership permits Ownership.Everywhere, LeasedOwnership {

    /**
     * Whether this node applies the projection's events now: it takes or renews the lease when due. Called before
     * each batch; cheap when nothing is due.
     */
    boolean hold();

    /** How long until {@link #hold()} has something to do again: a renewal, or another attempt to take the lease. */
    Duration nextCheck();

    /**
     * Applies a batch read after {@code after}, under the lease where there is one.
     *
     * @throws dev.allframe.spi.checkpoint.LeaseLostException the lease was lost: nothing was applied, and
     *         {@link #hold()} answers {@code false} until the lease is taken again
     */
    long applyBatch(long after, List<EventEnvelope> events, Consumer<EventEnvelope> apply);

    /** Gives the lease up, for another node to take at once; after the last batch, when the processor stops. */
    void release();

    /** The node applying the projection's events, {@code null} when every node applies its own. */
    String owner();

    /** Whether nodes share the projection, and with it what is asked of it: {@link #control()}. */
    boolean shared();

    /** Whether this node held the lease when it last looked, without asking the store. */
    boolean holding();

    /** What was asked of the projection and where it stopped, as every node sees it. */
    ProjectionControl control();

    /** Changes what was asked of the projection, for every node. */
    ProjectionControl changeControl(UnaryOperator<ProjectionControl> change);

    /** Every process applies the projection's events to its own read model. */
    record Everywhere(String projection, CheckpointStore checkpoints) implements Ownership {

        @Override
        public boolean hold() {
            return true;
        }

        @Override
        public Duration nextCheck() {
            return Duration.ofDays(1);
        }

        @Override
        public long applyBatch(long after, List<EventEnvelope> events, Consumer<EventEnvelope> apply) {
            return checkpoints.applyBatch(projection, after, events, apply);
        }

        @Override
        public void release() {
        }

        @Override
        public String owner() {
            return null;
        }

        @Override
        public boolean shared() {
            return false;
        }

        @Override
        public boolean holding() {
            return true;
        }

        @Override
        public ProjectionControl control() {
            return ProjectionControl.NONE;
        }

        /** Nothing to share: the processor keeps what is asked in its own progress. */
        @Override
        public ProjectionControl changeControl(UnaryOperator<ProjectionControl> change) {
            return ProjectionControl.NONE;
        }
    }
}
