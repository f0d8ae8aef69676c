package dev.allframe.jpa.internal;

/**
 * Connections of a resource-local unit in autocommit mode, outside any transaction of the unit. On
 * PostgreSQL the statements sent together before one sync then run as one implicit transaction that commits
 * with their last reply: a write in one round trip instead of two. Not offered under JTA, where the server
 * owns the connections and a caller's transaction may be active.
 */
public interface AutocommitConnections {

    /**
     * Runs {@code work} on a connection in autocommit mode and returns its result. {@code work} may switch
     * autocommit off for a transaction of its own, and must end it.
     */
    <T> T autocommit(JdbcWork<T> work);
}
