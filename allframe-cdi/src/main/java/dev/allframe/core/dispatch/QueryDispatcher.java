package dev.allframe.core.dispatch;

import static java.util.Objects.requireNonNull;

import dev.allframe.command.HandlerFailedException;
import dev.allframe.command.NoHandlerException;
import dev.allframe.core.handler.HandlerCatalog;
import dev.allframe.core.message.CommandMessages;
import dev.allframe.query.Query;
import dev.allframe.query.QueryBus;
import java.util.HashMap;
import java.util.Map;

/** The query bus: validate, find the handler, answer. */
public final class QueryDispatcher implements QueryBus {

    private final Map<Class<?>, BoundQueryHandler> handlers;
    private final MessageValidator validator;

    public QueryDispatcher(HandlerCatalog catalog, HandlerTargets targets, MessageValidator validator) {
        this.validator = requireNonNull(validator, "validator");
        Map<Class<?>, BoundQueryHandler> bound = new HashMap<>();
        catalog.queries().forEach((type, model) ->
                bound.put(type, new BoundQueryHandler(model, targets.targetFor(model.beanClass()))));
        this.handlers = bound;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> R query(Query<R> query) {
        return (R) answer(query);
    }

    @Override
    public <R> R query(Object query, Class<R> resultType) {
        Object answer = answer(query);
        if (answer != null && !resultType.isInstance(answer)) {
            throw new HandlerFailedException(CommandMessages.unexpectedQueryResult(query.getClass(), resultType, answer));
        }
        return resultType.cast(answer);
    }

    private Object answer(Object query) {
        if (query == null) {
            throw new NullPointerException(CommandMessages.nullMessage("query").toString());
        }
        BoundQueryHandler handler = handlers.get(query.getClass());
        if (handler == null) {
            throw new NoHandlerException(CommandMessages.noQueryHandler(query.getClass(),
                    handlers.keySet().stream().map(Class::getName).sorted().toList()));
        }
        validator.validate(query);
        return handler.answer(query);
    }
}
