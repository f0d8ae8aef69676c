package dev.allframe.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One stored event. The global position is the key and is assigned by the appender (see {@link HeadRow} and
 * {@link PostgresAppender}); payload, metadata and tags are JSON text (the tags are also rows of their
 * own, {@link EventTagRow}, which queries find events by).
 */
@Entity(name = "AllFrameEvent")
@Table(name = "allframe_events")
public class EventRow {

    @Id
    @Column(name = "global_position")
    private long globalPosition;

    @Column(name = "event_id", nullable = false, length = 36)
    private String eventId;

    @Column(name = "stream_id", nullable = false, length = 200)
    private String streamId;

    @Column(name = "stream_version", nullable = false)
    private long streamVersion;

    @Column(name = "type_name", nullable = false, length = 200)
    private String typeName;

    @Column(name = "schema_version", nullable = false)
    private int schemaVersion;

    @Column(name = "payload", nullable = false)
    private String payload;

    @Column(name = "metadata")
    private String metadata;

    @Column(name = "correlation_id", length = 200)
    private String correlationId;

    @Column(name = "causation_id", length = 200)
    private String causationId;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "tags")
    private String tags;

    protected EventRow() {
    }

    EventRow(long globalPosition, String eventId, String streamId, long streamVersion, String typeName,
             int schemaVersion, String payload, String metadata, String correlationId, String causationId,
             Instant recordedAt, String tags) {
        this.globalPosition = globalPosition;
        this.eventId = eventId;
        this.streamId = streamId;
        this.streamVersion = streamVersion;
        this.typeName = typeName;
        this.schemaVersion = schemaVersion;
        this.payload = payload;
        this.metadata = metadata;
        this.correlationId = correlationId;
        this.causationId = causationId;
        this.recordedAt = recordedAt;
        this.tags = tags;
    }

    public long globalPosition() {
        return globalPosition;
    }

    public String eventId() {
        return eventId;
    }

    public String streamId() {
        return streamId;
    }

    public long streamVersion() {
        return streamVersion;
    }

    public String typeName() {
        return typeName;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    public String payload() {
        return payload;
    }

    public String metadata() {
        return metadata;
    }

    public String correlationId() {
        return correlationId;
    }

    public String causationId() {
        return causationId;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    /** Gives the stored event other tags ({@link EventRetagger}); nothing else of it ever changes. */
    void retag(String tags) {
        this.tags = tags;
    }

    /** The event's tags as a JSON array of strings; {@code null} for none. */
    public String tags() {
        return tags;
    }
}
