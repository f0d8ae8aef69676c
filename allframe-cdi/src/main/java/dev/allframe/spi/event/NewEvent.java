package dev.allframe.spi.event;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.UUID;

/**
 * An event to append; the store adds stream version, global position and timestamp.
 */
public record NewEvent(UUID eventId, String typeName, int schemaVersion, Object event, String correlationId,
                       String causationId, Map<String, String> metadata) {

    public NewEvent {
        requireNonNull(eventId, "eventId");
        requireNonNull(typeName, "typeName");
        requireNonNull(event, "event");
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
