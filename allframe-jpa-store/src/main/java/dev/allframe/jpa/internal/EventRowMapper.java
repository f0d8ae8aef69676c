package dev.allframe.jpa.internal;

import dev.allframe.EventEnvelope;
import dev.allframe.EventStoreException;
import dev.allframe.eventstore.EventClassResolver;
import dev.allframe.eventstore.NewEvent;
import dev.allframe.jpa.EventSerializer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns events into rows and rows back into envelopes. A row whose type has no class, or whose payload no
 * longer reads as that class, fails with a message naming where it is; the row itself is never touched.
 */
public final class EventRowMapper {

    private final EventSerializer serializer;
    private final EventClassResolver resolver;
    private final Map<String, Class<?>> written = new ConcurrentHashMap<>();

    public EventRowMapper(EventSerializer serializer, EventClassResolver resolver) {
        this.serializer = serializer;
        this.resolver = resolver;
    }

    EventRow toRow(NewEvent event, long position, String streamId, long version, Instant recordedAt) {
        String payload;
        String metadata;
        try {
            payload = serializer.toJson(event.event());
            metadata = event.metadata().isEmpty() ? null : serializer.toJson(event.metadata());
        } catch (RuntimeException e) {
            throw new EventStoreException(JpaStoreMessages.unwritableEvent(event.event().getClass().getName(), streamId, e), e);
        }
        written.putIfAbsent(key(event.typeName(), event.schemaVersion()), event.event().getClass());
        return new EventRow(position, event.eventId().toString(), streamId, version, event.typeName(),
                event.schemaVersion(), payload, metadata, event.correlationId(), event.causationId(), recordedAt);
    }

    /** The envelope of a row just written, with the event object that was appended. */
    EventEnvelope appended(EventRow row, NewEvent event) {
        return new EventEnvelope(event.eventId(), row.streamId(), row.streamVersion(), row.globalPosition(),
                row.typeName(), row.schemaVersion(), row.recordedAt(), row.correlationId(), row.causationId(),
                event.metadata(), event.event());
    }

    /** The envelope of a stored row, its payload read back into its event class. */
    public EventEnvelope read(EventRow row) {
        Class<?> type = eventClass(row.typeName(), row.schemaVersion()).orElseThrow(() -> new EventStoreException(
                JpaStoreMessages.unknownEventType(row.globalPosition(), row.streamId(), row.streamVersion(),
                        row.typeName(), row.schemaVersion())));
        Object event;
        Map<String, String> metadata;
        try {
            event = serializer.fromJson(row.payload(), type);
            metadata = row.metadata() == null ? Map.of() : metadata(row.metadata());
        } catch (RuntimeException e) {
            throw unreadable(row, e);
        }
        if (event == null) {
            throw unreadable(row, new IllegalArgumentException("the payload is null"));
        }
        return new EventEnvelope(UUID.fromString(row.eventId()), row.streamId(), row.streamVersion(),
                row.globalPosition(), row.typeName(), row.schemaVersion(), row.recordedAt(), row.correlationId(),
                row.causationId(), metadata, event);
    }

    private Optional<Class<?>> eventClass(String typeName, int schemaVersion) {
        Optional<Class<?>> registered = resolver.resolve(typeName, schemaVersion);
        return registered.isPresent() ? registered : Optional.ofNullable(written.get(key(typeName, schemaVersion)));
    }

    private Map<String, String> metadata(String json) {
        Map<?, ?> raw = serializer.fromJson(json, Map.class);
        Map<String, String> metadata = new LinkedHashMap<>();
        raw.forEach((k, v) -> metadata.put(String.valueOf(k), String.valueOf(v)));
        return metadata;
    }

    private static EventStoreException unreadable(EventRow row, RuntimeException cause) {
        return new EventStoreException(JpaStoreMessages.unreadableEvent(row.globalPosition(), row.streamId(),
                row.streamVersion(), row.typeName(), row.schemaVersion(), cause), cause);
    }

    private static String key(String typeName, int schemaVersion) {
        return typeName + '#' + schemaVersion;
    }
}
