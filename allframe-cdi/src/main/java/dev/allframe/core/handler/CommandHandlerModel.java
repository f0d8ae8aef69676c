package dev.allframe.core.handler;

import dev.allframe.core.Sites;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;

/**
 * A checked command handler.
 *
 * @param streamId empty only for a stateless handler that appends nothing
 * @param state    present for a stateful handler
 * @param boundary the decision models of a handler decided over queries, in its parameters' order; empty for others
 */
public record CommandHandlerModel(Class<?> beanClass, Method method, Class<?> commandType,
                                  Optional<StreamIdAccessor> streamId, Optional<StateModel> state,
                                  ReturnShape returns, boolean createsStream, List<BoundaryModel> boundary) {

    public CommandHandlerModel {
        boundary = List.copyOf(boundary);
    }

    /** A handler deciding over one stream's state, or over none. */
    public CommandHandlerModel(Class<?> beanClass, Method method, Class<?> commandType,
                               Optional<StreamIdAccessor> streamId, Optional<StateModel> state, ReturnShape returns,
                               boolean createsStream) {
        this(beanClass, method, commandType, streamId, state, returns, createsStream, List.of());
    }

    public String site() {
        return Sites.of(method);
    }
}
