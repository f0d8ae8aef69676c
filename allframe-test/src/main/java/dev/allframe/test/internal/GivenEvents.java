package dev.allframe.test.internal;

import static java.util.Objects.requireNonNull;

import dev.allframe.core.EventIds;
import dev.allframe.core.EventTypes;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.EventStore;
import dev.allframe.spi.event.NewEvent;
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
            stored.add(new NewEvent(EventIds.next(), type.name(), type.version(), event, null, null, null));
        }
        store.append(streamId, AppendCondition.any(), stored);
    }
}
