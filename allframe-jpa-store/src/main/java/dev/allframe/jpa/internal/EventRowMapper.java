package dev.allframe.jpa.internal;

import dev.allframe.AllFrameMessage;
import dev.allframe.EventEnvelope;
import dev.allframe.EventStoreException;
import dev.allframe.spi.event.AppendRequest;
import dev.allframe.spi.event.EventDecoder;
import dev.allframe.spi.event.EventSerializer;
import dev.allframe.spi.event.NewEvent;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns events into rows and rows back into envelopes, both through the decoder the store was given: an event is
 * only written when the decoder reads it back ({@link #verify}), and a row is only read through it, so that what one
 * process writes, every process reads. A row whose type has no class, or whose payload no longer reads as that class,
 * fails with a message naming where it is; the row itself is never touched. The envelopes of an append hold its events as reads give them, in their newest version, so that listeners inside the
 * append and its result see what a rebuild sees.
 */
public final class EventRowMapper {

    private final EventSerializer serializer;
    private final EventDecoder decoder;
    private final Map<Class<?>, Verified> verified = new ConcurrentHashMap<>();

    public EventRowMapper(EventSerializer serializer, EventDecoder decoder) {
        this.serializer = serializer;
        this.decoder = decoder;
    }

    /**
     * Refuses {@code event} if it would be stored but not read back equal to itself: its type and version must be
     * known to the decoder, which knows the same classes in every process (there is no class this store remembers
     * from its own appends), and, written as JSON and read as a read of its stream will read it, the event must come
     * back equal to the one appended (brought to its newest version). Checked at the first append of each event
     * class; a class that passed is not checked again, one that failed is checked at its next append. An event given
     * as a JSON value (an event written by other code, imported as it was stored) is written as that JSON: it must
     * read back through the decoder, and what it reads back as is what the JSON says, so it is checked every time and
     * not compared.
     *
     * @throws EventStoreException naming the class, the stream and what is wrong
     */
    public void verify(NewEvent event, String streamId) {
        Object value = event.event();
        Verified known = verified.get(value.getClass());
        if (known != null && known.typeName().equals(event.typeName()) && known.schemaVersion() == event.schemaVersion()) {
            return;
        }
        String json = payload(event, streamId);
        Optional<Object> decoded;
        try {
            decoded = decoder.decode(event.typeName(), event.schemaVersion(), json, serializer);
        } catch (RuntimeException e) {
            throw new EventStoreException(JpaStoreMessages.eventNotReadBack(value.getClass(), streamId,
                    "reading it back fails with " + AllFrameMessage.describe(e)), e);
        }
        if (decoded.isEmpty()) {
            throw new EventStoreException(JpaStoreMessages.unregisteredEventType(value.getClass(), streamId,
                    event.typeName(), event.schemaVersion()));
        }
        if (value instanceof JsonValue) {
            return;
        }
        Optional<String> difference = RoundTrip.difference(decoder.upcast(value), json, text -> decoded.get(),
                serializer);
        if (difference.isPresent()) {
            throw new EventStoreException(JpaStoreMessages.eventNotReadBack(value.getClass(), streamId,
                    difference.get()));
        }
        verified.put(value.getClass(), new Verified(event.typeName(), event.schemaVersion()));
    }

    EventRow toRow(NewEvent event, long position, String streamId, long version, Instant recordedAt) {
        String payload = payload(event, streamId);
        String metadata;
        try {
            metadata = event.metadata().isEmpty() ? null : serializer.toJson(event.metadata());
        } catch (RuntimeException e) {
            throw new EventStoreException(JpaStoreMessages.unwritableEvent(event.event().getClass().getName(), streamId, e), e);
        }
        return new EventRow(position, event.eventId().toString(), streamId, version, event.typeName(),
                event.schemaVersion(), payload, metadata, event.correlationId(), event.causationId(), recordedAt,
                TagsJson.write(event.tags()));
    }

    /** {@code request}'s events as rows and as reads give them, before any of them is written. */
    PreparedAppend prepare(AppendRequest request, Instant now) {
        List<EventRow> rows = new ArrayList<>(request.events().size());
        List<Object> newest = new ArrayList<>(request.events().size());
        for (NewEvent event : request.events()) {
            EventRow row = toRow(event, 0, request.streamId(), 0, now);
            rows.add(row);
            newest.add(newest(event, row));
        }
        return new PreparedAppend(request, now, rows, newest);
    }

    /**
     * The event of {@code row}, about to be written, as a read will give it: the appended object when its class is
     * the newest version, else its JSON read back through the upcasters, as every later read does.
     *
     * @throws EventStoreException the JSON does not read back in the newest version (nothing is written then)
     */
    Object newest(NewEvent event, EventRow row) {
        if (!decoder.upcasts(event.typeName(), event.schemaVersion())) {
            return event.event();
        }
        try {
            return decoder.decode(event.typeName(), event.schemaVersion(), row.payload(), serializer).orElseThrow();
        } catch (RuntimeException e) {
            throw new EventStoreException(JpaStoreMessages.unreadableAppend(event.event().getClass().getName(),
                    row.streamId(), event.typeName(), event.schemaVersion(), e), e);
        }
    }

    /** The envelope of an event just written at {@code version} and {@code position}, holding {@code newest}. */
    EventEnvelope appended(NewEvent event, Object newest, String streamId, long version, long position,
                           Instant recordedAt) {
        return new EventEnvelope(event.eventId(), streamId, version, position, event.typeName(),
                event.schemaVersion(), recordedAt, event.correlationId(), event.causationId(), event.metadata(),
                event.tags(), newest);
    }

    /**
     * The envelope of a stored row, its payload read back and brought to the newest version of its event
     * class. The envelope keeps the stored type name and schema version.
     */
    public EventEnvelope read(EventRow row) {
        Optional<Object> event;
        Map<String, String> metadata;
        Set<String> tags;
        try {
            event = decoder.decode(row.typeName(), row.schemaVersion(), row.payload(), serializer);
            metadata = row.metadata() == null ? Map.of() : metadata(row.metadata());
            tags = TagsJson.read(row.tags());
        } catch (RuntimeException e) {
            throw unreadable(row, e);
        }
        if (event.isEmpty()) {
            throw new EventStoreException(JpaStoreMessages.unknownEventType(row.globalPosition(), row.streamId(),
                    row.streamVersion(), row.typeName(), row.schemaVersion()));
        }
        if (event.get() == null) {
            throw unreadable(row, new IllegalArgumentException("the payload is null"));
        }
        return new EventEnvelope(UUID.fromString(row.eventId()), row.streamId(), row.streamVersion(),
                row.globalPosition(), row.typeName(), row.schemaVersion(), row.recordedAt(), row.correlationId(),
                row.causationId(), metadata, tags, event.get());
    }

    private String payload(NewEvent event, String streamId) {
        try {
            return serializer.toJson(event.event());
        } catch (RuntimeException e) {
            throw new EventStoreException(JpaStoreMessages.unwritableEvent(event.event().getClass().getName(), streamId, e), e);
        }
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

    /** The type an event class read back as itself from. */
    private record Verified(String typeName, int schemaVersion) {
    }
}
