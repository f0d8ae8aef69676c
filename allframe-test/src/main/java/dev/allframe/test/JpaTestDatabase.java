package dev.allframe.test;

import dev.allframe.test.internal.TestKitMessages;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * H2 in memory, one database per test, or a PostgreSQL schema of its own per test, dropped after it; opened through
 * the kit's resource-local persistence unit {@code allframe-test} (AllFrame's mapping only).
 */
final class JpaTestDatabase implements TestDatabase {

    static final String POSTGRESQL_URL = "ALLFRAME_TEST_POSTGRESQL_URL";
    private static final String UNIT = "allframe-test";

    private final String url;
    private final Connection keeper;
    private final String dropOnClose;
    private EntityManagerFactory factory;

    private JpaTestDatabase(String url, Connection keeper, String dropOnClose) {
        this.url = url;
        this.keeper = keeper;
        this.dropOnClose = dropOnClose;
    }

    /** A new H2 database in memory, kept alive by a connection of the kit's until the test ends. */
    static JpaTestDatabase h2() {
        String url = "jdbc:h2:mem:allframe-test-" + UUID.randomUUID();
        try {
            return new JpaTestDatabase(url, DriverManager.getConnection(url), null);
        } catch (SQLException e) {
            throw new IllegalStateException(TestKitMessages.databaseFailed("create", url, e.getMessage()).toString(), e);
        }
    }

    /** A new schema in the database of {@value #POSTGRESQL_URL}, that the test's connections use. */
    static JpaTestDatabase postgresql(Class<?> testClass) {
        String base = Optional.ofNullable(System.getProperty(POSTGRESQL_URL)).or(() ->
                Optional.ofNullable(System.getenv(POSTGRESQL_URL))).filter(u -> !u.isBlank()).orElseThrow(() ->
                new IllegalStateException(TestKitMessages.noPostgresUrl(testClass).toString()));
        String schema = "allframe_test_" + UUID.randomUUID().toString().replace("-", "");
        try {
            Connection connection = DriverManager.getConnection(base);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA " + schema);
            }
            String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            return new JpaTestDatabase(url, connection, "DROP SCHEMA " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException(TestKitMessages.databaseFailed("create", "(schema " + schema + " at "
                    + base + ")", e.getMessage()).toString(), e);
        }
    }

    @Override
    public void addBean(AfterBeanDiscovery event) {
        event.addBean().types(EntityManagerFactory.class, Object.class).scope(Singleton.class)
                .createWith(context -> factory());
    }

    private synchronized EntityManagerFactory factory() {
        if (factory == null) {
            factory = Persistence.createEntityManagerFactory(UNIT, Map.of("jakarta.persistence.jdbc.url", url));
        }
        return factory;
    }

    @Override
    public synchronized void close() {
        try {
            if (factory != null) {
                factory.close();
            }
        } finally {
            try (Connection connection = keeper; Statement statement = connection.createStatement()) {
                statement.execute(dropOnClose == null ? "SHUTDOWN" : dropOnClose);
            } catch (SQLException e) {
                throw new IllegalStateException(TestKitMessages.databaseFailed("drop", url, e.getMessage()).toString(), e);
            }
        }
    }
}
