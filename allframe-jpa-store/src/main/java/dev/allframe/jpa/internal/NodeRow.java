package dev.allframe.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A node running projections, live until its lease runs out. */
@Entity(name = "AllFrameNode")
@Table(name = "allframe_nodes")
public class NodeRow {

    @Id
    @Column(name = "node_id", length = 200)
    private String node;

    @Column(name = "lease_until", nullable = false)
    private Instant until;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    protected NodeRow() {
    }

    NodeRow(String node, Instant startedAt) {
        this.node = node;
        this.startedAt = startedAt;
    }

    void liveUntil(Instant newUntil) {
        until = newUntil;
    }
}
