package dev.allframe.jpa.internal;

import java.sql.Connection;
import java.sql.SQLException;

/** Work on a JDBC connection of the persistence unit, which the store hands out and takes back. */
@FunctionalInterface
public interface JdbcWork<T> {

    T execute(Connection connection) throws SQLException;

    /** {@code work} on its connection in autocommit mode, the connection's own mode given back after it. */
    static <T> JdbcWork<T> inAutocommit(JdbcWork<T> work) {
        return connection -> {
            boolean autocommit = connection.getAutoCommit();
            if (!autocommit) {
                connection.setAutoCommit(true);
            }
            try {
                return work.execute(connection);
            } finally {
                if (!autocommit) {
                    connection.setAutoCommit(false);
                }
            }
        };
    }
}
