package dev.allframe.jpa.internal;

import dev.allframe.projection.ProjectionStatus;
import dev.allframe.spi.checkpoint.ProjectionControl;
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

    @Column(name = "paused", nullable = false)
    private boolean paused;

    @Column(name = "reset_pending", nullable = false)
    private boolean resetPending;

    @Column(name = "rebuild_target", nullable = false)
    private long rebuildTarget;

    @Column(name = "failed_position")
    private Long failedPosition;

    @Column(name = "failed_stream_id", length = 200)
    private String failedStream;

    @Column(name = "failed_stream_version")
    private Long failedVersion;

    @Column(name = "failed_type_name", length = 200)
    private String failedType;

    @Column(name = "failure_message")
    private String failureMessage;

    protected ProjectionLeaseRow() {
    }

    ProjectionLeaseRow(String projection) {
        this.projection = projection;
    }

    /** A row nobody holds yet, for what is asked of the projection before any node took it. */
    static ProjectionLeaseRow unheld(String projection, Instant now) {
        ProjectionLeaseRow row = new ProjectionLeaseRow(projection);
        row.until = now;
        row.claimedAt = now;
        return row;
    }

    ProjectionControl control() {
        return new ProjectionControl(paused, resetPending, rebuildTarget, failedPosition == null ? null
                : new ProjectionStatus.Failure(failedPosition, failedStream, failedVersion, failedType, failureMessage));
    }

    void control(ProjectionControl control) {
        paused = control.paused();
        resetPending = control.resetPending();
        rebuildTarget = control.rebuildTarget();
        ProjectionStatus.Failure failure = control.failure();
        failedPosition = failure == null ? null : failure.position();
        failedStream = failure == null ? null : failure.streamId();
        failedVersion = failure == null ? null : failure.streamVersion();
        failedType = failure == null ? null : failure.typeName();
        failureMessage = failure == null ? null : failure.message();
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
