package dev.allframe.cdi.error.stores;

import dev.allframe.testing.ForwardingEventStore;
import jakarta.enterprise.context.ApplicationScoped;

/** A second application-defined event store beside {@link FirstStoreBean}: AllFrame cannot tell which to use. */
@ApplicationScoped
public class SecondStoreBean extends ForwardingEventStore {
}
