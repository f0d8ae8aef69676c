package dev.allframe.jpa.internal;

import java.sql.Connection;
import java.sql.SQLException;

/** Work on a JDBC connection of the persistence unit, which the store hands out and takes back. */
@FunctionalInterface
public interface JdbcWork<T> {

    T execute(Connection connection) throws SQLException;
}
