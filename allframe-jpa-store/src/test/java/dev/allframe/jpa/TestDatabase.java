package dev.allframe.jpa;

import dev.allframe.core.EventTypeRegistry;
import dev.allframe.spi.conformance.ConformanceEvent;
import dev.allframe.spi.event.EventDecoder;
import dev.allframe.spi.event.EventSerializer;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;

/**
 * The databases the JPA store is tested on, one entity manager factory each per test run, emptied
 * before each test.
 */
public enum TestDatabase {
    H2("jdbc:h2:mem:allframe;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000", "org.h2.Driver"),
    DERBY("jdbc:derby:memory:allframe;create=true", "org.apache.derby.iapi.jdbc.AutoloadedDriver"),
    POSTGRESQL(PostgresCondition.url(), "org.postgresql.Driver");

    private final String url;
    private final String driver;
    private EntityManagerFactory factory;

    TestDatabase(String url, String driver) {
        this.url = url;
        this.driver = driver;
    }

    /** A store over this database with no events, keys or snapshots in it. */
    public JpaEventStore freshStore(EventDecoder eventClasses) {
        return freshStore(eventClasses, Clock.systemUTC());
    }

    /** A store over this database with no events, keys or snapshots in it, whose time is {@code clock}'s. */
    public JpaEventStore freshStore(EventDecoder eventClasses, Clock clock) {
        JpaTransactions transactions = transactions();
        empty(transactions);
        return new JpaEventStore(transactions, new JsonbEventSerializer(), eventClasses, clock);
    }

    /**
     * A store over this database with no events in it, of which one thread at a time writes appends alone: the
     * appends that come meanwhile wait and share its next transaction.
     */
    public JpaEventStore freshStoreWritingOneBatchAtATime(EventDecoder eventClasses) {
        ResourceLocalTransactions transactions = transactions();
        empty(transactions);
        return new JpaEventStore(transactions, Optional.of(transactions.autocommitConnections()),
                new JsonbEventSerializer(), eventClasses, Clock.systemUTC(), 1);
    }

    /** A store of the conformance suite's events over this database, emptied, whose time is {@code clock}'s. */
    public JpaEventStore freshStore(Clock clock) {
        return freshStore(EventTypeRegistry.of(List.of(ConformanceEvent.class)), clock);
    }

    /** A store over this database as it is. */
    public JpaEventStore freshStoreKeepingData(EventDecoder eventClasses) {
        return new JpaEventStore(transactions(), new JsonbEventSerializer(), eventClasses, Clock.systemUTC());
    }

    public JpaEventStore freshStore() {
        return freshStore(EventTypeRegistry.of(List.of(ConformanceEvent.class)));
    }

    /** The PostgreSQL schema the tests of this JVM use. */
    public String schema() {
        return PostgresCondition.SCHEMA;
    }

    public synchronized ResourceLocalTransactions transactions() {
        return new ResourceLocalTransactions(factory());
    }

    /** Runs SQL on a connection of the database, outside the store. */
    public void execute(String... statements) {
        transactions().write(em -> {
            em.unwrap(Session.class).doWork(connection -> {
                try (Statement statement = connection.createStatement()) {
                    for (String sql : statements) {
                        statement.execute(sql);
                    }
                }
            });
            return null;
        }, done -> { });
    }

    /**
     * Whether a transaction of this database waits for a lock another one holds, as the database itself reports it:
     * for a test that must see work blocked on a lock before it lets the holder go, rather than sleep and hope. H2
     * sometimes fails to list its sessions while one of them ends its transaction (a {@code NullPointerException}
     * inside H2); it is asked again then, a few times.
     */
    public boolean aTransactionWaitsForALock() {
        String sql = switch (this) {
            case H2 -> "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL";
            case DERBY -> "SELECT COUNT(*) FROM SYSCS_DIAG.LOCK_TABLE WHERE STATE = 'WAIT'";
            case POSTGRESQL -> "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                    + " AND datname = current_database()";
        };
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions().read(em -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue()
                        > 0);
            } catch (RuntimeException listingFailed) {
                if (this != H2 || attempt == 10 || !String.valueOf(listingFailed.getMessage())
                        .contains("NullPointerException")) {
                    throw listingFailed;
                }
            }
        }
    }

    public String jdbcUrl() {
        return url;
    }

    public synchronized EntityManagerFactory factory() {
        if (factory == null) {
            if (this == POSTGRESQL) {
                recreatePostgresSchema();
            }
            factory = unit();
            JpaSchema.createIfMissing(new ResourceLocalTransactions(factory));
        }
        return factory;
    }

    /**
     * An entity manager factory of its own over this database, as a process started later would open it; the caller
     * closes it.
     */
    public EntityManagerFactory newFactory() {
        factory();
        return unit();
    }

    private EntityManagerFactory unit() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("jakarta.persistence.jdbc.url", url);
        properties.put("jakarta.persistence.jdbc.driver", driver);
        return Persistence.createEntityManagerFactory("allframe-test", properties);
    }

    private void empty(JpaTransactions transactions) {
        transactions.write(em -> {
            for (String table : List.of("allframe_events", "allframe_event_tags", "allframe_idempotency_keys",
                    "allframe_closed_scopes", "allframe_snapshots", "allframe_checkpoints", "allframe_dead_letters",
                    "allframe_projection_leases", "allframe_nodes", "allframe_saga_steps", "allframe_sagas")) {
                em.createNativeQuery("DELETE FROM " + table).executeUpdate();
            }
            em.createNativeQuery("UPDATE allframe_head SET head_position = 0").executeUpdate();
            if (this == POSTGRESQL) {
                em.createNativeQuery("SELECT CAST(setval('allframe_positions', 0) AS TEXT)").getSingleResult();
            }
            return null;
        }, done -> { });
    }

    private void recreatePostgresSchema() {
        postgres("DROP SCHEMA IF EXISTS " + PostgresCondition.SCHEMA + " CASCADE", "CREATE SCHEMA " + PostgresCondition.SCHEMA);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            factory.close();
            postgres("DROP SCHEMA IF EXISTS " + PostgresCondition.SCHEMA + " CASCADE");
        }));
    }

    private void postgres(String... statements) {
        try (Connection connection = DriverManager.getConnection(PostgresCondition.baseUrl());
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare PostgreSQL at " + url + ": " + e.getMessage(), e);
        }
    }
}
