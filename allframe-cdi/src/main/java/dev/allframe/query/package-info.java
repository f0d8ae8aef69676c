/**
 * Queries: {@link dev.allframe.query.QueryHandler} methods and the {@link dev.allframe.query.QueryBus} that
 * answers them. A query that violates its constraints raises the same
 * {@link dev.allframe.command.CommandValidationException} as a command.
 */
package dev.allframe.query;
