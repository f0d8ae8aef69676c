package dev.allframe.core.handler;

import java.util.Collection;

/** How a command handler hands back its events. */
public enum ReturnShape {
    /** {@code void}: no events. */
    NONE,
    /** A {@link Collection} of events. */
    COLLECTION,
    /** One event, or {@code null} for none. */
    SINGLE;

    /** The shape of {@code returnType}, or {@code null} when it cannot carry events. */
    static ReturnShape of(Class<?> returnType) {
        if (returnType == void.class) {
            return NONE;
        }
        if (Collection.class.isAssignableFrom(returnType)) {
            return COLLECTION;
        }
        return MessageTypes.isApplicationType(returnType) ? SINGLE : null;
    }
}
