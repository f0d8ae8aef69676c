package dev.allframe.core.handler;

import dev.allframe.AllFrameException;
import dev.allframe.EventEnvelope;
import dev.allframe.command.HandlerFailedException;
import dev.allframe.command.StateVersion;
import dev.allframe.core.Problems;
import dev.allframe.core.message.CommandMessages;
import java.lang.invoke.MethodHandle;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An aggregate state type: how to create its initial value and how to apply each event type. Which
 * {@code @Apply} method takes an event class is resolved once per class.
 */
public final class StateModel {

    private final Class<?> type;
    private final int stateVersion;
    private final String initialSite;
    private final MethodHandle initial;
    private final List<Applier> appliers;
    private final ClassValue<Optional<Applier>> appliersByEventClass = new ClassValue<>() {
        @Override
        protected Optional<Applier> computeValue(Class<?> eventClass) {
            return appliers.stream()
                    .filter(a -> a.eventType().isAssignableFrom(eventClass))
                    .min(Comparator.comparingInt((Applier a) -> TypeDistance.between(eventClass, a.eventType()))
                            .thenComparing(Applier::site));
        }
    };

    /** @param stateVersion the {@link StateVersion} of the type, 1 without one; with the rest, in its fingerprint */
    StateModel(Class<?> type, int stateVersion, String initialSite, MethodHandle initial, List<Applier> appliers) {
        this.type = type;
        this.stateVersion = stateVersion;
        this.initialSite = initialSite;
        this.initial = initial;
        this.appliers = List.copyOf(appliers);
    }

    /**
     * The model of {@code type} as a command handler would fold it, for tools that fold a stream outside a command
     * (the test kit); empty, with the reasons in {@code problems}, when the type is no valid state.
     */
    public static Optional<StateModel> of(Class<?> type, Problems problems) {
        return StateModelInspector.inspect(type, type.getName(), problems);
    }

    public Class<?> type() {
        return type;
    }

    int stateVersion() {
        return stateVersion;
    }

    String initialSite() {
        return initialSite;
    }

    List<Applier> appliers() {
        return appliers;
    }

    /** The event types the state's {@code @Apply} methods take. */
    public List<Class<?>> eventTypes() {
        return appliers.stream().<Class<?>>map(Applier::eventType).toList();
    }

    /** The state of an empty stream. */
    public Object initial() {
        try {
            return (Object) initial.invokeExact();
        } catch (AllFrameException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new HandlerFailedException(CommandMessages.initialStateFailed(initialSite, e), e);
        }
    }

    /** The state after {@code envelope}'s event; events without an {@code @Apply} method change nothing. */
    public Object apply(Object state, EventEnvelope envelope) {
        Optional<Applier> applier = appliersByEventClass.get(envelope.event().getClass());
        if (applier.isEmpty()) {
            return state;
        }
        Applier a = applier.get();
        try {
            Object next = (Object) a.handle().invokeExact(state, envelope.event());
            return a.returnsState() ? next : state;
        } catch (AllFrameException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new HandlerFailedException(CommandMessages.applyFailed(a.site(), envelope.typeName(),
                    envelope.streamId(), envelope.streamVersion(), e), e);
        }
    }

    /**
     * One {@code @Apply} method.
     *
     * @param handle       {@code (Object state, Object event)Object}
     * @param returnsState {@code false} for a {@code void} method that changes the state in place
     */
    record Applier(Class<?> eventType, String site, MethodHandle handle, boolean returnsState) {
    }
}
