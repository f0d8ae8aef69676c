package dev.allframe.query;

import dev.allframe.command.CommandValidationException;
import dev.allframe.command.HandlerFailedException;
import dev.allframe.command.NoHandlerException;

/**
 * Sends queries to their {@link QueryHandler}, after validating them like commands.
 */
public interface QueryBus {

    /**
     * Answers {@code query} with its handler's result.
     *
     * @throws NoHandlerException         no handler answers the query's type
     * @throws CommandValidationException the query violates its constraints
     * @throws HandlerFailedException     the handler failed
     */
    <R> R query(Query<R> query);

    /** Answers a query that does not implement {@link Query}, checking the answer's type. */
    <R> R query(Object query, Class<R> resultType);
}
