package dev.allframe.test.internal;

import static java.util.Objects.requireNonNull;

import dev.allframe.core.EventIds;
import dev.allframe.core.EventTypes;
import dev.allframe.core.TagComponents;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.EventStore;
import dev.allframe.spi.event.NewEvent;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/** Stores events as a command would have: under their type names and versions, with ids of their own. */
public final class GivenEvents {

    private GivenEvents() {
    }

    /** Appends {@code events} at the end of {@code streamId}, whatever it holds. */
    public static void append(EventStore store, String streamId, List<Object> events) {
        List<NewEvent> stored = new ArrayList<>(events.size());
        for (Object event : events) {
            EventTypes.EventTypeName type = EventTypes.of(requireNonNull(event, "event").getClass());
            stored.add(new NewEvent(EventIds.next(), type.name(), type.version(), event, null, null, null,
                    TagComponents.tagsOf(event)));
        }
        store.append(streamId, AppendCondition.any(), stored);
    }

    /**
     * Appends an event as JSON under a stored type name and version, as an earlier version of the application wrote
     * it: the store writes the JSON value as it is.
     */
    public static void appendJson(EventStore store, String streamId, String typeName, int schemaVersion, String json) {
        JsonValue value;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            value = reader.readValue();
        }
        store.append(streamId, AppendCondition.any(), List.of(new NewEvent(EventIds.next(), typeName, schemaVersion,
                value, null, null, null)));
    }
}
