package dev.allframe.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** How far one tracking projection has applied the global log. */
@Entity(name = "AllFrameCheckpoint")
@Table(name = "allframe_checkpoints")
public class CheckpointRow {

    @Id
    @Column(name = "projection", length = 200)
    private String projection;

    @Column(name = "global_position", nullable = false)
    private long position;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected CheckpointRow() {
    }

    CheckpointRow(String projection) {
        this.projection = projection;
    }

    public String projection() {
        return projection;
    }

    public long position() {
        return position;
    }

    void moveTo(long newPosition, Instant at) {
        this.position = newPosition;
        this.updatedAt = at;
    }
}
