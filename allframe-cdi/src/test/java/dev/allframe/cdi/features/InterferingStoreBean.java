package dev.allframe.cdi.features;

import dev.allframe.testing.InterferingEventStore;
import jakarta.enterprise.context.ApplicationScoped;

/** An application-defined event store: AllFrame must use it instead of its own. */
@ApplicationScoped
public class InterferingStoreBean extends InterferingEventStore {

    public InterferingStoreBean() {
        super(stream -> new Pinged(stream, "someone else"));
    }
}
