package dev.allframe.eventstore;

import java.util.Optional;

/**
 * Finds the class of a stored event from its type name and schema version, for stores that keep
 * events in a serialised form.
 */
@FunctionalInterface
public interface EventClassResolver {

    /** The class stored under {@code typeName} and {@code schemaVersion}, or empty when none is known. */
    Optional<Class<?>> resolve(String typeName, int schemaVersion);
}
