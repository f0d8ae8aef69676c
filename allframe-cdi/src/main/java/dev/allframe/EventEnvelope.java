package dev.allframe;

import static java.util.Objects.requireNonNull;

import dev.allframe.event.Tags;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A stored event with everything the store knows about it.
 *
 * @param eventId        unique id of the event
 * @param streamId       the stream the event belongs to
 * @param streamVersion  the event's version within its stream, starting at 1
 * @param globalPosition the event's position in the store's global order, starting at 1
 * @param typeName       the stored type name (see {@link EventType})
 * @param schemaVersion  the stored schema version
 * @param timestamp      when the event was appended
 * @param correlationId  the correlation id of the command that caused it
 * @param causationId    the id of the message that caused it (by default the command's id)
 * @param metadata       user headers given at dispatch
 * @param tags           what {@link dev.allframe.event.EventQuery queries} find the event by, besides its stream
 * @param event          the event itself
 */
public record EventEnvelope(
        UUID eventId,
        String streamId,
        long streamVersion,
        long globalPosition,
        String typeName,
        int schemaVersion,
        Instant timestamp,
        String correlationId,
        String causationId,
        Map<String, String> metadata,
        Set<String> tags,
        Object event) {

    public EventEnvelope {
        requireNonNull(eventId, "eventId");
        requireNonNull(streamId, "streamId");
        requireNonNull(typeName, "typeName");
        requireNonNull(timestamp, "timestamp");
        requireNonNull(event, "event");
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        tags = Tags.copyOf(tags);
    }

    /** An event without tags. */
    public EventEnvelope(UUID eventId, String streamId, long streamVersion, long globalPosition, String typeName,
                         int schemaVersion, Instant timestamp, String correlationId, String causationId,
                         Map<String, String> metadata, Object event) {
        this(eventId, streamId, streamVersion, globalPosition, typeName, schemaVersion, timestamp, correlationId,
                causationId, metadata, Set.of(), event);
    }

    /** This envelope holding {@code newer} in place of its event (the event brought to a newer version). */
    public EventEnvelope withEvent(Object newer) {
        return new EventEnvelope(eventId, streamId, streamVersion, globalPosition, typeName, schemaVersion, timestamp,
                correlationId, causationId, metadata, tags, newer);
    }

    /** The event cast to {@code type}. */
    public <E> E event(Class<E> type) {
        return type.cast(event);
    }
}
