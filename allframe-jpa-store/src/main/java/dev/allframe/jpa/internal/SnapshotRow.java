package dev.allframe.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The newest snapshot of one stream's aggregate state, as JSON. */
@Entity(name = "AllFrameSnapshot")
@Table(name = "allframe_snapshots")
public class SnapshotRow {

    @Id
    @Column(name = "stream_id", length = 200)
    private String streamId;

    @Column(name = "stream_version", nullable = false)
    private long streamVersion;

    @Column(name = "state_type", nullable = false, length = 300)
    private String stateType;

    @Column(name = "state_fingerprint", nullable = false, length = 200)
    private String stateFingerprint;

    @Column(name = "payload", nullable = false)
    private String payload;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected SnapshotRow() {
    }

    SnapshotRow(String streamId) {
        this.streamId = streamId;
    }

    void update(long version, String type, String fingerprint, String json, Instant at) {
        this.streamVersion = version;
        this.stateType = type;
        this.stateFingerprint = fingerprint;
        this.payload = json;
        this.recordedAt = at;
    }

    public long streamVersion() {
        return streamVersion;
    }

    public String stateType() {
        return stateType;
    }

    public String stateFingerprint() {
        return stateFingerprint;
    }

    public String payload() {
        return payload;
    }
}
