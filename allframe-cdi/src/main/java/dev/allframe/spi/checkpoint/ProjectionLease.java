package dev.allframe.spi.checkpoint;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A node's claim on an async projection. While its token is the one the store keeps, the node applies the
 * projection's events and no other node does: a store refuses the batches of a lease whose token it no longer keeps
 * ({@link LeaseLostException}), so a node that lost its claim cannot write a checkpoint or a batch any more.
 *
 * @param projection the projection's name
 * @param node       the node holding it
 * @param token      the fencing token: greater with each node that takes the projection over
 * @param until      when the lease runs out unless renewed, on the store's clock
 */
public record ProjectionLease(String projection, String node, long token, Instant until) {

    public ProjectionLease {
        requireNonNull(projection, "projection");
        requireNonNull(node, "node");
        requireNonNull(until, "until");
    }
}
