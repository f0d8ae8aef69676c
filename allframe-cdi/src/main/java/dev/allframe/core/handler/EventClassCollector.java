package dev.allframe.core.handler;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The event classes an application declares: what its command handlers return and what its states apply, with
 * sealed types expanded to the classes they permit. A command handler's return type must let every class it may
 * store be known this way ({@link #unknownClasses}): that is what makes the stored classes the same in every process.
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
            handler.boundary().forEach(model -> model.state().eventTypes().forEach(type -> expand(type, classes)));
        }
        return classes;
    }

    /**
     * Why the event classes a handler returning {@code shape} from {@code method} may store cannot all be known at
     * deployment, naming the type that leaves them open; empty when they can: a concrete application class, or a
     * sealed type whose permitted classes are, in turn, concrete or sealed (or a collection of either).
     */
    static Optional<String> unknownClasses(Method method, ReturnShape shape) {
        if (shape == ReturnShape.NONE) {
            return Optional.empty();
        }
        Type returned = method.getGenericReturnType();
        if (shape == ReturnShape.COLLECTION) {
            returned = elementType(returned);
            if (returned == null) {
                return Optional.of("the collection does not say of which class its events are");
            }
        }
        return open(erase(returned), null);
    }

    private static Optional<String> open(Class<?> type, Class<?> permittedBy) {
        String named = permittedBy == null ? type.getName() : type.getName() + ", which " + permittedBy.getName()
                + " permits,";
        if (type == Object.class) {
            return Optional.of(named + " may be any class");
        }
        if (!MessageTypes.isApplicationType(type)) {
            return Optional.of(named + " is not an event class of the application");
        }
        if (type.isSealed()) {
            for (Class<?> permitted : type.getPermittedSubclasses()) {
                Optional<String> open = open(permitted, type);
                if (open.isPresent()) {
                    return open;
                }
            }
            return Optional.empty();
        }
        if (type.isInterface()) {
            return Optional.of(named + " is an interface that is not sealed");
        }
        return Modifier.isAbstract(type.getModifiers())
                ? Optional.of(named + " is an abstract class that is not sealed") : Optional.empty();
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

    /** {@code type} if it can have instances of its own, and every class a sealed type permits. */
    private static void expand(Class<?> type, Set<Class<?>> classes) {
        if (MessageTypes.isConcreteApplicationClass(type)) {
            classes.add(type);
        }
        if (type.isSealed()) {
            for (Class<?> permitted : type.getPermittedSubclasses()) {
                expand(permitted, classes);
            }
        }
    }
}
