package dev.allframe.query;

/**
 * Optional marker for query types: a query implementing {@code Query<R>} is answered with an
 * {@code R} by {@link QueryBus#query(Query)} without a cast.
 *
 * @param <R> the answer's type
 */
public interface Query<R> {
}
