package dev.allframe.spi.checkpoint;

import dev.allframe.EventEnvelope;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Which node applies each async projection, for a checkpoint store that several processes share (the JPA store on
 * one database). A checkpoint store that implements this role gets each of its projections applied by one node at a
 * time: the node holding the projection's lease. Leases run out on the store's clock (the database's), so that the
 * nodes' clocks do not matter; a node renews its leases well before they run out, and a node that stopped renewing
 * (killed, cut off, paused too long) loses them to a live node once they ran out.
 *
 * <p>Nodes also record that they live, so that each takes its share of the projections rather than the first
 * started taking them all; and what operators ask of a projection (pause, resume, rebuild) and the failure it stopped
 * at are kept beside its lease, so that every node acts on and shows the same.
 */
public interface ProjectionLeases {

    /**
     * Takes the projection's lease for {@code node}, or renews it when {@code node} holds it: a lease nobody holds,
     * or one that ran out, is taken with a token greater than every one before it. The claim waits for a batch being
     * applied under the lease it takes over, so that no batch of the former holder ends after the take-over.
     *
     * @param duration how long the lease runs from now, on the store's clock
     * @return the lease {@code node} holds after the call; empty when another node holds it
     */
    Optional<ProjectionLease> claim(String projection, String node, Duration duration);

    /** Gives the lease up at once, so that another node may take it; nothing when it is no longer held. */
    void release(ProjectionLease lease);

    /** The lease on the projection that has not run out, if any. */
    Optional<ProjectionLease> holder(String projection);

    /**
     * Like {@link CheckpointStore#applyBatch}, under {@code lease}: in the same transaction, the lease's token is
     * checked to be the one stored.
     *
     * @throws LeaseLostException the store keeps another token: nothing was applied
     */
    long applyBatch(ProjectionLease lease, long after, List<EventEnvelope> events, Consumer<EventEnvelope> apply);

    /**
     * Records that {@code node} lives for {@code duration} more, on the store's clock, and counts the nodes that
     * live now, {@code node} included.
     */
    int liveNodes(String node, Duration duration);

    /** Records that {@code node} stopped: it no longer counts as live. */
    void leave(String node);

    /** What was asked of the projection and where it stopped; {@link ProjectionControl#NONE} at first. */
    ProjectionControl control(String projection);

    /**
     * Changes what was asked of the projection, in one transaction that waits for a batch being applied.
     *
     * @return the control as changed
     */
    ProjectionControl changeControl(String projection, UnaryOperator<ProjectionControl> change);
}
