package dev.allframe.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * One tag of a stored event, with the event's type beside it: what queries find events by. The key leads with the
 * tag, so that the events carrying a tag after a position are one range of the key's index.
 */
@Entity(name = "AllFrameEventTag")
@Table(name = "allframe_event_tags")
@IdClass(EventTagRow.Key.class)
public class EventTagRow {

    @Id
    @Column(name = "tag", length = 200)
    private String tag;

    @Id
    @Column(name = "global_position")
    private long globalPosition;

    @Column(name = "type_name", nullable = false, length = 200)
    private String typeName;

    protected EventTagRow() {
    }

    EventTagRow(String tag, long globalPosition, String typeName) {
        this.tag = tag;
        this.globalPosition = globalPosition;
        this.typeName = typeName;
    }

    /** The key: the tag and the event's position. */
    public static final class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        String tag;
        long globalPosition;

        public Key() {
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.globalPosition == globalPosition && Objects.equals(key.tag, tag);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tag, globalPosition);
        }
    }
}
