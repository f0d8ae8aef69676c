package dev.allframe.core;

import dev.allframe.event.EventType;

/**
 * The stored type name and schema version of event classes, computed once per class.
 */
public final class EventTypes {

    private static final ClassValue<EventTypeName> NAMES = new ClassValue<>() {
        @Override
        protected EventTypeName computeValue(Class<?> type) {
            EventType annotation = type.getAnnotation(EventType.class);
            String name = annotation == null || annotation.name().isBlank()
                    ? defaultName(type) : annotation.name();
            return new EventTypeName(name, annotation == null ? 1 : annotation.version());
        }
    };

    private EventTypes() {
    }

    public static EventTypeName of(Class<?> eventClass) {
        return NAMES.get(eventClass);
    }

    /** The simple name, prefixed by the enclosing classes' simple names for nested classes. */
    static String defaultName(Class<?> type) {
        Class<?> enclosing = type.getEnclosingClass();
        return enclosing == null || type.isAnonymousClass()
                ? type.getSimpleName() : defaultName(enclosing) + "." + type.getSimpleName();
    }

    /** A type name with its schema version. */
    public record EventTypeName(String name, int version) {
    }
}
