package dev.allframe.jpa.internal;

import dev.allframe.projection.ParkedEvent;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * An event a projection parked: a reference to the stored event by its global position, with its stream, version and
 * type for the operator, and who parked it, when and why. The payload is not copied; the event stays in the log.
 */
@Entity(name = "AllFrameDeadLetter")
@Table(name = "allframe_dead_letters")
@IdClass(DeadLetterRow.Key.class)
public class DeadLetterRow {

    @Id
    @Column(name = "projection", length = 200)
    private String projection;

    @Id
    @Column(name = "global_position")
    private long position;

    @Column(name = "stream_id", length = 200)
    private String streamId;

    @Column(name = "stream_version", nullable = false)
    private long streamVersion;

    @Column(name = "type_name", length = 200)
    private String typeName;

    @Column(name = "failure_message", nullable = false)
    private String failure;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "parked_at", nullable = false)
    private Instant parkedAt;

    @Column(name = "parked_by", nullable = false, length = 200)
    private String parkedBy;

    @Column(name = "reason", nullable = false)
    private String reason;

    @Column(name = "last_attempt_at", nullable = false)
    private Instant lastAttemptAt;

    protected DeadLetterRow() {
    }

    DeadLetterRow(ParkedEvent event) {
        this.projection = event.projection();
        this.position = event.position();
        this.streamId = event.streamId();
        this.streamVersion = event.streamVersion();
        this.typeName = event.typeName();
        this.failure = event.failure();
        this.attempts = event.attempts();
        this.parkedAt = event.parkedAt();
        this.parkedBy = event.parkedBy();
        this.reason = event.reason();
        this.lastAttemptAt = event.lastAttemptAt();
    }

    ParkedEvent event() {
        return new ParkedEvent(projection, position, streamId, streamVersion, typeName, failure, attempts, parkedAt,
                parkedBy, reason, lastAttemptAt);
    }

    void failedAgain(String newFailure, Instant at) {
        failure = newFailure;
        attempts++;
        lastAttemptAt = at;
    }

    /** The key: the projection and the event's global position. */
    public static final class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        String projection;
        long position;

        public Key() {
        }

        Key(String projection, long position) {
            this.projection = projection;
            this.position = position;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.position == position && Objects.equals(key.projection, projection);
        }

        @Override
        public int hashCode() {
            return Objects.hash(projection, position);
        }
    }
}
