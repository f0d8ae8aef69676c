package dev.allframe.core.handler;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The event classes an application declares: what its command handlers return and what its states
 * apply, with sealed types expanded to their permitted concrete classes.
 */
public final class EventClassCollector {

    private EventClassCollector() {
    }

    /** What the handlers declare and what the projections' event handlers take ({@code projectionEventTypes}). */
    public static Set<Class<?>> collect(HandlerCatalog catalog, Collection<Class<?>> projectionEventTypes) {
        Set<Class<?>> classes = collect(catalog);
        projectionEventTypes.forEach(type -> expand(type, classes));
        return classes;
    }

    public static Set<Class<?>> collect(HandlerCatalog catalog) {
        Set<Class<?>> classes = new LinkedHashSet<>();
        List<CommandHandlerModel> handlers = catalog.commands().values().stream()
                .sorted(Comparator.comparing(CommandHandlerModel::site)).toList();
        for (CommandHandlerModel handler : handlers) {
            Method method = handler.method();
            Type returned = method.getGenericReturnType();
            if (handler.returns() == ReturnShape.COLLECTION) {
                returned = elementType(returned);
            }
            if (handler.returns() != ReturnShape.NONE && returned != null) {
                expand(erase(returned), classes);
            }
            handler.state().ifPresent(state -> state.eventTypes().forEach(type -> expand(type, classes)));
        }
        return classes;
    }

    private static Type elementType(Type collectionType) {
        if (collectionType instanceof ParameterizedType parameterized
                && Collection.class.isAssignableFrom((Class<?>) parameterized.getRawType())
                && parameterized.getActualTypeArguments().length == 1) {
            return parameterized.getActualTypeArguments()[0];
        }
        return null;
    }

    private static Class<?> erase(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        if (type instanceof WildcardType wildcard && wildcard.getUpperBounds().length == 1) {
            return erase(wildcard.getUpperBounds()[0]);
        }
        return Object.class;
    }

    private static void expand(Class<?> type, Set<Class<?>> classes) {
        if (type.isSealed()) {
            for (Class<?> permitted : type.getPermittedSubclasses()) {
                expand(permitted, classes);
            }
        } else if (MessageTypes.isConcreteApplicationClass(type)) {
            classes.add(type);
        }
    }
}
