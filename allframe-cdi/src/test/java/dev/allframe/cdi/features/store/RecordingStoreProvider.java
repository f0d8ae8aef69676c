package dev.allframe.cdi.features.store;

import dev.allframe.eventstore.EventStore;
import dev.allframe.eventstore.EventStoreContext;
import dev.allframe.eventstore.EventStoreProvider;
import dev.allframe.memory.InMemoryEventStore;
import java.util.ArrayList;
import java.util.List;

/** A store provider found through ServiceLoader, recording the contexts it was given. */
public class RecordingStoreProvider implements EventStoreProvider {

    static final List<EventStoreContext> CREATED_WITH = new ArrayList<>();

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public List<String> check(EventStoreContext context) {
        return context.config("allframe.jpa.persistence-unit").filter("broken"::equals)
                .map(unit -> List.of("AF9001: the recording store cannot use unit " + unit)).orElse(List.of());
    }

    @Override
    public EventStore create(EventStoreContext context) {
        CREATED_WITH.add(context);
        return new InMemoryEventStore(context.clock());
    }
}
