package dev.allframe.spi.checkpoint;

/**
 * A node's lease on a projection is no longer the one the store keeps: another node took the projection over, or
 * the lease was released. Nothing of the refused call was applied.
 */
public final class LeaseLostException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ProjectionLease lease;

    public LeaseLostException(ProjectionLease lease) {
        super("Projection '" + lease.projection() + "': node '" + lease.node() + "' no longer holds lease "
                + lease.token());
        this.lease = lease;
    }

    /** The lease that was lost. */
    public ProjectionLease lease() {
        return lease;
    }
}
