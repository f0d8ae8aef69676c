package dev.allframe.jpa.internal;

/**
 * Connections in autocommit mode, outside any transaction: a resource-local unit's, or under JTA the server's data
 * source's on a thread without a transaction (never while a caller's transaction is active: the store asks
 * {@code JpaTransactions.writesAlone()} first). On PostgreSQL the statements sent together before one sync then run as
 * one implicit transaction that commits with their last reply: a write in one round trip instead of two (under JTA,
 * instead of the begin, the statements and the commit of a JTA transaction).
 */
public interface AutocommitConnections {

    /**
     * Runs {@code work} on a connection in autocommit mode and returns its result. {@code work} may switch
     * autocommit off for a transaction of its own, and must end it.
     */
    <T> T autocommit(JdbcWork<T> work);
}
