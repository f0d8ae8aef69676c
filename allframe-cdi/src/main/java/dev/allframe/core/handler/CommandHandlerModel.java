package dev.allframe.core.handler;

import dev.allframe.core.Sites;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * A checked command handler.
 *
 * @param streamId empty only for a stateless handler that appends nothing
 * @param state    present for a stateful handler
 */
public record CommandHandlerModel(Class<?> beanClass, Method method, Class<?> commandType,
                                  Optional<StreamIdAccessor> streamId, Optional<StateModel> state,
                                  ReturnShape returns, boolean createsStream) {

    public String site() {
        return Sites.of(method);
    }
}
