package dev.allframe.core.dispatch;

import dev.allframe.command.HandlerFailedException;
import dev.allframe.core.handler.BoundaryModel;
import dev.allframe.core.handler.CommandHandlerModel;
import dev.allframe.core.handler.ReturnShape;
import dev.allframe.core.handler.StateModel;
import dev.allframe.core.handler.StreamIdAccessor;
import dev.allframe.core.message.CommandMessages;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** A command handler bound to its target, ready to call. */
final class BoundCommandHandler {

    private final String site;
    private final MethodHandle invoker;
    private final StreamIdAccessor streamId;
    private final StateModel state;
    private final ReturnShape returns;
    private final boolean createsStream;
    private final List<BoundaryModel> boundary;
    /** {@code (Object[] commandAndModels)Object} for a handler decided over queries. */
    private final MethodHandle decide;

    BoundCommandHandler(CommandHandlerModel model, Object target) {
        this.site = model.site();
        this.invoker = Invocations.bind(model.method(), target);
        this.streamId = model.streamId().orElse(null);
        this.state = model.state().orElse(null);
        this.returns = model.returns();
        this.createsStream = model.createsStream();
        this.boundary = model.boundary();
        this.decide = boundary.isEmpty() ? null : invoker.asSpreader(Object[].class, boundary.size() + 1);
    }

    String site() {
        return site;
    }

    /** The command's stream, or {@code null} when its type has no {@code @StreamId}. */
    String streamIdOf(Object command) {
        return streamId == null ? null : streamId.streamIdOf(command);
    }

    /** The state model of a stateful handler, else {@code null}. */
    StateModel state() {
        return state;
    }

    boolean createsStream() {
        return createsStream;
    }

    /** The decision models of a handler decided over queries; empty for others. */
    List<BoundaryModel> boundary() {
        return boundary;
    }

    /** Calls a handler decided over queries with {@code models}, in its parameters' order, and returns its events. */
    List<Object> decide(Object command, Object[] models, String stream) {
        Object[] arguments = new Object[models.length + 1];
        arguments[0] = command;
        System.arraycopy(models, 0, arguments, 1, models.length);
        Object returned;
        try {
            returned = (Object) decide.invokeExact(arguments);
        } catch (Throwable thrown) {
            throw Invocations.failure(thrown, site, command, stream);
        }
        return events(returned);
    }

    /** Calls the handler and returns its events, never {@code null}. */
    List<Object> handle(Object command, Object currentState, String stream) {
        Object returned;
        try {
            returned = state == null ? (Object) invoker.invokeExact(command)
                    : (Object) invoker.invokeExact(command, currentState);
        } catch (Throwable thrown) {
            throw Invocations.failure(thrown, site, command, stream);
        }
        return events(returned);
    }

    private List<Object> events(Object returned) {
        return switch (returns) {
            case NONE -> List.of();
            case SINGLE -> returned == null ? List.of() : List.of(returned);
            case COLLECTION -> events((Collection<?>) returned);
        };
    }

    private List<Object> events(Collection<?> returned) {
        if (returned == null) {
            return List.of();
        }
        List<Object> events = new ArrayList<>(returned.size());
        for (Object event : returned) {
            if (event == null) {
                throw new HandlerFailedException(CommandMessages.nullEvent(site, events.size()));
            }
            events.add(event);
        }
        return events;
    }
}
