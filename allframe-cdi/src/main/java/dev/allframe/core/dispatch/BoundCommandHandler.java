package dev.allframe.core.dispatch;

import dev.allframe.command.HandlerFailedException;
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

    BoundCommandHandler(CommandHandlerModel model, Object target) {
        this.site = model.site();
        this.invoker = Invocations.bind(model.method(), target);
        this.streamId = model.streamId().orElse(null);
        this.state = model.state().orElse(null);
        this.returns = model.returns();
        this.createsStream = model.createsStream();
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

    /** Calls the handler and returns its events, never {@code null}. */
    List<Object> handle(Object command, Object currentState, String stream) {
        Object returned;
        try {
            returned = state == null ? (Object) invoker.invokeExact(command)
                    : (Object) invoker.invokeExact(command, currentState);
        } catch (Throwable thrown) {
            throw Invocations.failure(thrown, site, command, stream);
        }
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
