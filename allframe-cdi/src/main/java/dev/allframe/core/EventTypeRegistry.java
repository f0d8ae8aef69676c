package dev.allframe.core;

import dev.allframe.EventStoreException;
import dev.allframe.core.message.EventMessages;
import dev.allframe.spi.event.EventDecoder;
import dev.allframe.spi.event.EventSerializer;
import dev.allframe.spi.event.StoreLimits;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event classes an application uses, by stored type name and schema version. Filled at deployment with every
 * class the handlers, states, projections and upcasters declare, and with nothing after that: every process of the
 * application knows the same classes, so whatever one process stores, another can turn back into its class. An event
 * of a class not registered is refused, not registered on the fly.
 */
public final class EventTypeRegistry implements EventDecoder {

    private final Map<Key, Class<?>> classes = new ConcurrentHashMap<>();
    private final Map<Class<?>, EventTypes.EventTypeName> names = new ConcurrentHashMap<>();

    public static EventTypeRegistry of(Collection<Class<?>> eventClasses) {
        EventTypeRegistry registry = new EventTypeRegistry();
        eventClasses.forEach(registry::register);
        return registry;
    }

    /**
     * Registers {@code eventClass} under its type name and version.
     *
     * @throws EventStoreException another class has the same name and version
     */
    public EventTypes.EventTypeName register(Class<?> eventClass) {
        EventTypes.EventTypeName type = EventTypes.of(eventClass);
        Class<?> earlier = classes.putIfAbsent(new Key(type.name(), type.version()), eventClass);
        if (earlier != null && earlier != eventClass) {
            throw new EventStoreException(EventMessages.eventTypeClash(type.name(), type.version(), earlier, eventClass));
        }
        names.put(eventClass, type);
        return type;
    }

    /**
     * The stored type of {@code event}, to be appended to {@code streamId}: a map lookup.
     *
     * @throws EventStoreException its class is not registered
     */
    public EventTypes.EventTypeName typeOf(Object event, String streamId) {
        EventTypes.EventTypeName type = names.get(event.getClass());
        if (type == null) {
            throw new EventStoreException(EventMessages.unknownEventClass(event.getClass(), streamId));
        }
        return type;
    }

    /** The class stored under {@code typeName} and {@code schemaVersion}, or empty when none is known. */
    public Optional<Class<?>> resolve(String typeName, int schemaVersion) {
        return Optional.ofNullable(classes.get(new Key(typeName, schemaVersion)));
    }

    /** Reads the stored JSON as the class registered for the type and version; no upcasting. */
    @Override
    public Optional<Object> decode(String typeName, int schemaVersion, String json, EventSerializer serializer) {
        return resolve(typeName, schemaVersion).map(type -> serializer.fromJson(json, type));
    }

    @Override
    public Object upcast(Object event) {
        return event;
    }

    @Override
    public boolean upcasts(String typeName, int schemaVersion) {
        return false;
    }

    /** Every registered class. */
    public Collection<Class<?>> classes() {
        return classes.values();
    }

    /** Adds a problem for every registered class whose type name is longer than event stores keep. */
    public void checkTypeNames(Problems problems) {
        classes.values().stream().sorted(Comparator.comparing(Class::getName)).forEach(type -> {
            String name = EventTypes.of(type).name();
            if (name.length() > StoreLimits.MAX_ID_LENGTH) {
                problems.add(EventMessages.typeNameTooLong(type, name, StoreLimits.MAX_ID_LENGTH));
            }
        });
    }

    private record Key(String name, int version) {
    }
}
