package dev.allframe.jpa.internal;

import dev.allframe.spi.checkpoint.ProjectionLease;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Which node applies one async projection, until when, and the fencing token of that claim. */
@Entity(name = "AllFrameProjectionLease")
@Table(name = "allframe_projection_leases")
public class ProjectionLeaseRow {

    @Id
    @Column(name = "projection", length = 200)
    private String projection;

    /** {@code null} once released. */
    @Column(name = "node_id", length = 200)
    private String node;

    @Column(name = "fencing_token", nullable = false)
    private long token;

    @Column(name = "lease_until", nullable = false)
    private Instant until;

    @Column(name = "claimed_at", nullable = false)
    private Instant claimedAt;

    protected ProjectionLeaseRow() {
    }

    ProjectionLeaseRow(String projection) {
        this.projection = projection;
    }

    String node() {
        return node;
    }

    long token() {
        return token;
    }

    Instant until() {
        return until;
    }

    boolean heldBy(String candidate) {
        return candidate.equals(node);
    }

    /** Held by a node, and not run out at {@code now}. */
    boolean heldAt(Instant now) {
        return node != null && until.isAfter(now);
    }

    void take(String newNode, Instant now, Instant newUntil) {
        node = newNode;
        token++;
        claimedAt = now;
        until = newUntil;
    }

    void renew(Instant newUntil) {
        until = newUntil;
    }

    void release(Instant now) {
        node = null;
        until = now;
    }

    ProjectionLease lease() {
        return new ProjectionLease(projection, node, token, until);
    }
}
