package dev.allframe.core.handler;

import java.lang.reflect.Modifier;

/** Which classes can be commands, queries and events. */
final class MessageTypes {

    private static final String[] PLATFORM_PACKAGES = {"java.", "javax.", "jakarta.", "jdk.", "sun."};

    private MessageTypes() {
    }

    /** Not a primitive, array or platform type. */
    static boolean isApplicationType(Class<?> type) {
        if (type.isPrimitive() || type.isArray()) {
            return false;
        }
        String name = type.getName();
        for (String prefix : PLATFORM_PACKAGES) {
            if (name.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }

    /** An application class that can have instances of exactly its own type. */
    static boolean isConcreteApplicationClass(Class<?> type) {
        return isApplicationType(type) && !type.isInterface() && !Modifier.isAbstract(type.getModifiers());
    }
}
