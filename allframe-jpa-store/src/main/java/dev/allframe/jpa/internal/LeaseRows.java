package dev.allframe.jpa.internal;

import dev.allframe.spi.checkpoint.LeaseLostException;
import dev.allframe.spi.checkpoint.ProjectionControl;
import dev.allframe.spi.checkpoint.ProjectionLease;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Reads and writes projection leases and live nodes in the caller's transaction, at a time the caller read from the
 * database's clock. A claim and a batch both lock the projection's checkpoint row first, so that a take-over waits
 * for the batch running under the lease it takes over.
 */
public final class LeaseRows {

    private LeaseRows() {
    }

    /** Whether {@code node} could claim the lease now; read without locks, to spare a lock when it could not. */
    public static boolean claimable(EntityManager em, String projection, String node, Instant now) {
        ProjectionLeaseRow row = em.find(ProjectionLeaseRow.class, projection);
        return row == null || row.heldBy(node) || !row.heldAt(now);
    }

    /** Takes or renews the lease; the caller holds the checkpoint row's lock. */
    public static Optional<ProjectionLease> claim(EntityManager em, String projection, String node, Duration duration,
                                                  Instant now) {
        ProjectionLeaseRow row = em.find(ProjectionLeaseRow.class, projection);
        Instant until = now.plus(duration);
        if (row == null) {
            row = new ProjectionLeaseRow(projection);
            row.take(node, now, until);
            em.persist(row);
        } else if (row.heldBy(node)) {
            row.renew(until);
        } else if (!row.heldAt(now)) {
            row.take(node, now, until);
        } else {
            return Optional.empty();
        }
        em.flush();
        return Optional.of(row.lease());
    }

    /** Releases the lease when it is still the stored one. */
    public static void release(EntityManager em, ProjectionLease lease, Instant now) {
        ProjectionLeaseRow row = em.find(ProjectionLeaseRow.class, lease.projection());
        if (row != null && row.heldBy(lease.node()) && row.token() == lease.token()) {
            row.release(now);
        }
    }

    public static Optional<ProjectionLease> holder(EntityManager em, String projection, Instant now) {
        ProjectionLeaseRow row = em.find(ProjectionLeaseRow.class, projection);
        return row != null && row.heldAt(now) ? Optional.of(row.lease()) : Optional.empty();
    }

    /**
     * Refuses a batch under a lease that is no longer the stored one; the caller holds the checkpoint row's lock, which
     * every take-over takes first. A lease that ran out without being taken over still holds: no other node applied
     * anything meanwhile.
     */
    public static void check(EntityManager em, ProjectionLease lease) {
        ProjectionLeaseRow row = em.find(ProjectionLeaseRow.class, lease.projection());
        if (row == null || !row.heldBy(lease.node()) || row.token() != lease.token()) {
            throw new LeaseLostException(lease);
        }
    }

    public static ProjectionControl control(EntityManager em, String projection) {
        ProjectionLeaseRow row = em.find(ProjectionLeaseRow.class, projection);
        return row == null ? ProjectionControl.NONE : row.control();
    }

    /** Changes the control, creating the row nobody holds yet; the caller holds the checkpoint row's lock. */
    public static ProjectionControl changeControl(EntityManager em, String projection,
                                                  UnaryOperator<ProjectionControl> change, Instant now) {
        ProjectionLeaseRow row = em.find(ProjectionLeaseRow.class, projection);
        if (row == null) {
            row = ProjectionLeaseRow.unheld(projection, now);
            em.persist(row);
        }
        ProjectionControl changed = change.apply(row.control());
        row.control(changed);
        em.flush();
        return changed;
    }

    /** Records that {@code node} lives until {@code now + duration}, and counts the live nodes. */
    public static int liveNodes(EntityManager em, String node, Duration duration, Instant now) {
        NodeRow row = em.find(NodeRow.class, node);
        if (row == null) {
            row = new NodeRow(node, now);
            row.liveUntil(now.plus(duration));
            em.persist(row);
        } else {
            row.liveUntil(now.plus(duration));
        }
        em.flush();
        return em.createQuery("select count(n) from AllFrameNode n where n.until > :now", Long.class)
                .setParameter("now", now).getSingleResult().intValue();
    }

    /** Removes {@code node}, and the nodes that ran out long ago. */
    public static void leave(EntityManager em, String node, Instant longAgo) {
        em.createQuery("delete from AllFrameNode n where n.node = :node or n.until < :longAgo")
                .setParameter("node", node).setParameter("longAgo", longAgo).executeUpdate();
    }
}
