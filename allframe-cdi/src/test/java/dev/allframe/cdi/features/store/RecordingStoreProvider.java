package dev.allframe.cdi.features.store;

import dev.allframe.AllFrameMessage;
import dev.allframe.memory.InMemoryEventStore;
import dev.allframe.spi.EventStoreContext;
import dev.allframe.spi.EventStoreProvider;
import dev.allframe.spi.StoreCapabilities;
import dev.allframe.spi.StoreConfigKey;
import java.util.ArrayList;
import java.util.List;

/**
 * A store provider found through ServiceLoader, recording the contexts it was given; with unit {@code unloadable}, it
 * fails as a store whose library is missing.
 */
public class RecordingStoreProvider implements EventStoreProvider {

    static final String UNIT = "allframe.recording.unit";

    static final List<EventStoreContext> CREATED_WITH = new ArrayList<>();

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public List<StoreConfigKey> configKeys() {
        return List.of(new StoreConfigKey(UNIT, ""));
    }

    @Override
    public List<AllFrameMessage> check(EventStoreContext context) {
        return context.config(UNIT).filter("broken"::equals)
                .map(unit -> List.of(new AllFrameMessage("AF9001", "the recording store cannot use unit " + unit))).orElse(List.of());
    }

    @Override
    public StoreCapabilities create(EventStoreContext context) {
        if (context.config(UNIT).filter("unloadable"::equals).isPresent()) {
            throw new NoClassDefFoundError("jakarta/persistence/EntityManagerFactory");
        }
        CREATED_WITH.add(context);
        return StoreCapabilities.of(new InMemoryEventStore(context.clock()));
    }
}
