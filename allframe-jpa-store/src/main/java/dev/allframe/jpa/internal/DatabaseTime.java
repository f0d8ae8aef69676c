package dev.allframe.jpa.internal;

import jakarta.persistence.EntityManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionImplementor;

/**
 * The database's clock, which every node sharing the database reads alike: leases are compared on it, so that a
 * node whose clock is off neither keeps a lease too long nor loses it too early.
 */
public final class DatabaseTime {

    private DatabaseTime() {
    }

    /**
     * The database's time now, read on {@code em}'s connection: on PostgreSQL the time of the call, not the
     * transaction's start (a claim may have waited for a lock since).
     */
    public static Instant now(EntityManager em) {
        Dialect dialect = em.unwrap(SessionImplementor.class).getFactory().getJdbcServices().getDialect();
        String sql = HibernateJdbc.isDerby(dialect) ? "VALUES CURRENT_TIMESTAMP"
                : dialect instanceof PostgreSQLDialect ? "SELECT clock_timestamp()" : "SELECT CURRENT_TIMESTAMP";
        return HibernateJdbc.onConnectionOf(em, connection -> {
            try (Statement statement = connection.createStatement(); ResultSet time = statement.executeQuery(sql)) {
                time.next();
                return time.getTimestamp(1).toInstant();
            }
        });
    }
}
