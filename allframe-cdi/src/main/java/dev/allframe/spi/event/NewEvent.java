package dev.allframe.spi.event;

import static java.util.Objects.requireNonNull;

import dev.allframe.event.Tags;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An event to append; the store adds stream version, global position and timestamp.
 *
 * @param tags what {@link dev.allframe.event.EventQuery queries} find the event by, besides its stream
 */
public record NewEvent(UUID eventId, String typeName, int schemaVersion, Object event, String correlationId,
                       String causationId, Map<String, String> metadata, Set<String> tags) {

    public NewEvent {
        requireNonNull(eventId, "eventId");
        requireNonNull(typeName, "typeName");
        requireNonNull(event, "event");
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        tags = Tags.copyOf(tags);
    }

    /** An event without tags. */
    public NewEvent(UUID eventId, String typeName, int schemaVersion, Object event, String correlationId,
                    String causationId, Map<String, String> metadata) {
        this(eventId, typeName, schemaVersion, event, correlationId, causationId, metadata, Set.of());
    }
}
