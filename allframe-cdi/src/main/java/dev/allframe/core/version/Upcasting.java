package dev.allframe.core.version;

import dev.allframe.EventStoreException;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.core.EventTypes;
import dev.allframe.core.dispatch.HandlerTargets;
import dev.allframe.core.message.EventMessages;
import dev.allframe.event.VersionRegistry.UpcasterKind;
import dev.allframe.spi.event.EventDecoder;
import dev.allframe.spi.event.EventSerializer;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Brings stored events to their newest version on read, through the chains the {@link VersionGraph}
 * computed at deployment: a map lookup per event, then one call per upcaster. JSON upcasters work on
 * the stored JSON; class upcasters on objects; the JSON is read into a class only where a step needs it.
 */
public final class Upcasting implements EventDecoder {

    private static final MethodType UNARY = MethodType.methodType(Object.class, Object.class);

    private final EventTypeRegistry registry;
    private final VersionGraph graph;
    private final Map<UpcastStep, MethodHandle> handles = new HashMap<>();
    private final ClassValue<List<UpcastStep>> chainsByClass = new ClassValue<>() {
        @Override
        protected List<UpcastStep> computeValue(Class<?> type) {
            EventTypes.EventTypeName name = EventTypes.of(type);
            return graph.chainFrom(new EventKey(name.name(), name.version()));
        }
    };

    public Upcasting(EventTypeRegistry registry, VersionGraph graph, HandlerTargets targets) {
        this.registry = registry;
        this.graph = graph;
        for (UpcastStep step : graph.steps()) {
            handles.put(step, bind(step, targets));
        }
    }

    @Override
    public Optional<Object> decode(String typeName, int schemaVersion, String json, EventSerializer serializer) {
        List<UpcastStep> chain = graph.chainFrom(new EventKey(typeName, schemaVersion));
        if (chain.isEmpty()) {
            return registry.decode(typeName, schemaVersion, json, serializer);
        }
        Object event = null;
        String text = json;
        for (UpcastStep step : chain) {
            if (step.kind() == UpcasterKind.JSON) {
                if (event != null) {
                    text = serializer.toJson(event);
                    event = null;
                }
                String stored = text;
                text = run(step, () -> JsonSteps.apply(handles.get(step), stored));
            } else {
                Object from = event != null ? event : serializer.fromJson(text, step.fromClass());
                event = run(step, () -> (Object) handles.get(step).invokeExact(from));
            }
        }
        if (event == null) {
            EventKey last = chain.get(chain.size() - 1).to();
            Class<?> type = registry.resolve(last.name(), last.version()).orElseThrow();
            event = serializer.fromJson(text, type);
        }
        return Optional.of(event);
    }

    @Override
    public Object upcast(Object event) {
        if (graph.isEmpty()) {
            return event;
        }
        Object current = event;
        for (UpcastStep step : chainsByClass.get(event.getClass())) {
            if (step.kind() == UpcasterKind.JSON) {
                throw new EventStoreException(EventMessages.jsonUpcasterOnObject(step.site(), step.from().toString()));
            }
            Object from = current;
            current = run(step, () -> (Object) handles.get(step).invokeExact(from));
        }
        return current;
    }

    @Override
    public boolean upcasts(String typeName, int schemaVersion) {
        return !graph.isEmpty() && !graph.chainFrom(new EventKey(typeName, schemaVersion)).isEmpty();
    }

    private interface Call<T> {
        T call() throws Throwable;
    }

    private static <T> T run(UpcastStep step, Call<T> call) {
        try {
            return call.call();
        } catch (EventStoreException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new EventStoreException(EventMessages.upcasterFailed(step.site(), step.from().toString(), e), e);
        }
    }

    private static MethodHandle bind(UpcastStep step, HandlerTargets targets) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            if (step.member() instanceof Constructor<?> constructor) {
                return lookup.unreflectConstructor(constructor).asType(UNARY);
            }
            Method method = (Method) step.member();
            method.setAccessible(true);
            MethodHandle handle = lookup.unreflect(method);
            if (step.beanClass() != null) {
                handle = handle.bindTo(targets.targetFor(step.beanClass()));
            }
            return handle.asType(UNARY);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot access " + step.site(), e);
        }
    }
}
