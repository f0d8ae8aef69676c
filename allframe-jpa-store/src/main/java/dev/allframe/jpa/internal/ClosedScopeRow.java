package dev.allframe.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An idempotency scope that was closed, and when: appends carrying it are refused. */
@Entity(name = "AllFrameClosedScope")
@Table(name = "allframe_closed_scopes")
public class ClosedScopeRow {

    @Id
    @Column(name = "idempotency_scope", length = 200)
    private String scope;

    @Column(name = "closed_at", nullable = false)
    private Instant closedAt;

    protected ClosedScopeRow() {
    }

    ClosedScopeRow(String scope, Instant closedAt) {
        this.scope = scope;
        this.closedAt = closedAt;
    }
}
