package dev.allframe.spi.event;

import java.util.Optional;

/**
 * Turns stored events into the event objects handlers and projections see: the newest version of each
 * event type, whatever version was stored. Stores call it on every read; nothing stored is changed. It knows the
 * application's event classes as they were found at deployment, the same in every process, so a store that keeps
 * events as JSON can also use it before it writes an event of a class for the first time, to refuse one that no
 * process could read back.
 */
public interface EventDecoder {

    /**
     * The newest form of an event stored as {@code typeName} version {@code schemaVersion} with the JSON
     * {@code json}; empty when neither a class nor an upcaster path is known for that type and version.
     *
     * @throws RuntimeException the JSON does not read as the class it is stored as, or an upcaster failed
     */
    Optional<Object> decode(String typeName, int schemaVersion, String json, EventSerializer serializer);

    /** The newest form of an event object: the object itself when its class is the newest version. */
    Object upcast(Object event);

    /**
     * Whether an event stored as {@code typeName} version {@code schemaVersion} is read as a newer version. A store
     * hands the events an append stored to its listeners and in its result as its reads give them: in their newest
     * version, through {@link #upcast} or, for a store that keeps JSON, {@link #decode} of what it wrote.
     */
    boolean upcasts(String typeName, int schemaVersion);
}
