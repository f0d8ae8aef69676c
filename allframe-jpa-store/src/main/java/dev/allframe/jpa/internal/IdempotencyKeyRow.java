package dev.allframe.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An idempotency key and the append it was first used for: the stream, the stream's version after the
 * append, the positions of the events it stored (none when {@code firstPosition} is 0), and the key's scope, if any.
 */
@Entity(name = "AllFrameIdempotencyKey")
@Table(name = "allframe_idempotency_keys")
public class IdempotencyKeyRow {

    @Id
    @Column(name = "idempotency_key", length = 200)
    private String key;

    @Column(name = "stream_id", nullable = false, length = 200)
    private String streamId;

    @Column(name = "stream_version", nullable = false)
    private long streamVersion;

    @Column(name = "first_position", nullable = false)
    private long firstPosition;

    @Column(name = "last_position", nullable = false)
    private long lastPosition;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "idempotency_scope", length = 200)
    private String scope;

    protected IdempotencyKeyRow() {
    }

    IdempotencyKeyRow(String key, String streamId, long streamVersion, long firstPosition, long lastPosition,
                      Instant recordedAt, String scope) {
        this.key = key;
        this.streamId = streamId;
        this.streamVersion = streamVersion;
        this.firstPosition = firstPosition;
        this.lastPosition = lastPosition;
        this.recordedAt = recordedAt;
        this.scope = scope;
    }

    public String streamId() {
        return streamId;
    }

    public long streamVersion() {
        return streamVersion;
    }

    public long firstPosition() {
        return firstPosition;
    }

    public long lastPosition() {
        return lastPosition;
    }
}
