package dev.allframe.core.projection;

import dev.allframe.AllFrameException;
import dev.allframe.EventEnvelope;
import dev.allframe.core.Sites;
import dev.allframe.core.handler.TypeDistance;
import dev.allframe.core.message.ProjectionMessages;
import dev.allframe.projection.ProjectionFailedException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A projection bound to its bean: applies events to the closest {@code on} method, resolved once per
 * event class.
 */
public final class BoundProjection {

    private final ProjectionModel model;
    private final Segment segment;
    private final List<Handler> handlers;
    private final MethodHandle reset;
    private final ClassValue<Optional<Handler>> handlerByClass = new ClassValue<>() {
        @Override
        protected Optional<Handler> computeValue(Class<?> eventClass) {
            return handlers.stream().filter(h -> h.eventType().isAssignableFrom(eventClass))
                    .min(Comparator.comparingInt((Handler h) -> TypeDistance.between(eventClass, h.eventType()))
                            .thenComparing(Handler::site));
        }
    };

    public BoundProjection(ProjectionModel model, Object target) {
        this.model = model;
        this.handlers = model.handlers().stream().map(h -> new Handler(h.eventType(), Sites.of(h.method()),
                bind(h.method(), target), h.withEnvelope())).toList();
        this.reset = model.reset().map(m -> bind(m, target)).orElse(null);
        this.segment = Segment.WHOLE;
    }

    private BoundProjection(BoundProjection whole, Segment segment) {
        this.model = whole.model;
        this.handlers = whole.handlers;
        this.reset = whole.reset;
        this.segment = segment;
    }

    /**
     * The part of this projection that applies the events of {@code segment}'s streams and lets the others pass by,
     * named after the segment ({@link Segment#key}); it resets the whole read model.
     */
    BoundProjection segment(Segment part) {
        return new BoundProjection(this, part);
    }

    Segment segment() {
        return segment;
    }

    public ProjectionModel model() {
        return model;
    }

    /** The projection's name; a segment's is the name with the segment's number. */
    public String name() {
        return segment.key(model.name());
    }

    /**
     * Applies {@code envelope}'s event when a handler takes it (and its stream is in the segment, for a segment); other
     * events pass by.
     */
    public void apply(EventEnvelope envelope) {
        if (!segment.contains(envelope.streamId())) {
            return;
        }
        Optional<Handler> handler = handlerByClass.get(envelope.event().getClass());
        if (handler.isEmpty()) {
            return;
        }
        Handler h = handler.get();
        try {
            if (h.withEnvelope()) {
                h.handle().invokeExact(envelope.event(), (Object) envelope);
            } else {
                h.handle().invokeExact(envelope.event());
            }
        } catch (Error e) {
            throw e;
        } catch (Throwable e) {
            throw new ProjectionFailedException(ProjectionMessages.projectionFailed(name(), envelope, h.site(), e),
                    name(), envelope, e);
        }
    }

    /** Clears the read model through its {@code reset()} method. */
    public void reset() {
        if (reset == null) {
            throw new AllFrameException(ProjectionMessages.projectionNotRebuildable(name()));
        }
        try {
            reset.invokeExact();
        } catch (AllFrameException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new AllFrameException(ProjectionMessages.projectionResetFailed(name(), e), e);
        }
    }

    public boolean resettable() {
        return reset != null;
    }

    private static MethodHandle bind(Method method, Object target) {
        try {
            method.setAccessible(true);
            MethodHandle handle = MethodHandles.lookup().unreflect(method).bindTo(target);
            return handle.asType(MethodType.methodType(void.class, handle.type().parameterList().stream()
                    .<Class<?>>map(p -> Object.class).toList()));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot access " + method, e);
        }
    }

    private record Handler(Class<?> eventType, String site, MethodHandle handle, boolean withEnvelope) {
    }
}
