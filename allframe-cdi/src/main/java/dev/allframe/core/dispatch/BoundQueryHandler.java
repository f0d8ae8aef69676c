package dev.allframe.core.dispatch;

import dev.allframe.core.handler.QueryHandlerModel;
import java.lang.invoke.MethodHandle;

/** A query handler bound to its target. */
final class BoundQueryHandler {

    private final String site;
    private final MethodHandle invoker;

    BoundQueryHandler(QueryHandlerModel model, Object target) {
        this.site = model.site();
        this.invoker = Invocations.bind(model.method(), target);
    }

    Object answer(Object query) {
        try {
            return (Object) invoker.invokeExact(query);
        } catch (Throwable thrown) {
            throw Invocations.failure(thrown, site, query, null);
        }
    }
}
