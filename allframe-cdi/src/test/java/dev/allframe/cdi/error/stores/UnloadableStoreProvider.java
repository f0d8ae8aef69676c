package dev.allframe.cdi.error.stores;

import dev.allframe.spi.EventStoreContext;
import dev.allframe.spi.EventStoreProvider;
import dev.allframe.spi.StoreCapabilities;

/** A provider that fails as one whose class needs a library the class path lacks. */
public class UnloadableStoreProvider implements EventStoreProvider {

    public UnloadableStoreProvider() {
        throw new NoClassDefFoundError("jakarta/persistence/EntityManagerFactory");
    }

    @Override
    public String name() {
        return "unloadable";
    }

    @Override
    public StoreCapabilities create(EventStoreContext context) {
        throw new UnsupportedOperationException();
    }
}
