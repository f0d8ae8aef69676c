package dev.allframe.cdi.error.stores;

import dev.allframe.testing.ForwardingEventStore;
import jakarta.enterprise.context.ApplicationScoped;

/** An application-defined event store. */
@ApplicationScoped
public class FirstStoreBean extends ForwardingEventStore {
}
