package dev.allframe.benchmarks.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.jpa.JpaEventStore;
import dev.allframe.jpa.JpaSchema;
import dev.allframe.jpa.JsonbEventSerializer;
import dev.allframe.jpa.ResourceLocalTransactions;
import dev.allframe.benchmarks.bank.AccountOpened;
import dev.allframe.benchmarks.bank.ItemAdded;
import dev.allframe.benchmarks.bank.MoneyDeposited;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The PostgreSQL schema of one benchmark run, {@code allframe_bench_<pid>}: created empty for each
 * benchmark and dropped after it, so that benchmarks never meet each other nor the tests' schemas. The
 * database comes from {@code ALLFRAME_TEST_POSTGRESQL_URL}.
 */
public final class BenchDatabase implements AutoCloseable {

    public static final String URL_VARIABLE = "ALLFRAME_TEST_POSTGRESQL_URL";

    private static final List<Logger> QUIET = new ArrayList<>();

    static {
        for (String name : List.of("org.hibernate", "com.zaxxer.hikari", "dev.allframe")) {
            Logger logger = Logger.getLogger(name);
            logger.setLevel(Level.WARNING);
            QUIET.add(logger);
        }
    }

    private final String schema = "allframe_bench_" + ProcessHandle.current().pid();
    private final List<AutoCloseable> resources = new ArrayList<>();

    private BenchDatabase() {
        executeAt(baseUrl(), "DROP SCHEMA IF EXISTS " + schema + " CASCADE", "CREATE SCHEMA " + schema);
    }

    /** The configured database, or {@code null} when PostgreSQL benchmarks are to be skipped. */
    public static String baseUrl() {
        String url = System.getenv(URL_VARIABLE);
        return url == null || url.isBlank() ? null : url.trim();
    }

    /** A new, empty schema. */
    public static BenchDatabase create() {
        if (baseUrl() == null) {
            throw new IllegalStateException(URL_VARIABLE + " is not set");
        }
        return new BenchDatabase();
    }

    /** The schema's JDBC URL: the schema as current one, batched inserts rewritten into one statement. */
    public String url() {
        String base = baseUrl();
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema + "&reWriteBatchedInserts=true";
    }

    public Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(url());
        resources.add(connection);
        return connection;
    }

    public HikariDataSource pool(int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url());
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        config.setPoolName(schema);
        HikariDataSource pool = new HikariDataSource(config);
        resources.add(pool);
        return pool;
    }

    /**
     * AllFrame's JPA store over a pool, its tables created, telling other servers of its appends from a thread of its
     * own as in a server (the {@code NOTIFYING} lane); without the notification triggers when the environment says
     * {@code ALLFRAME_BENCH_WITHOUT_NOTIFICATIONS=true}, to measure what they cost.
     */
    public JpaEventStore allFrameStore(int poolSize) {
        EntityManagerFactory factory = unit("allframe-bench", poolSize, Map.of());
        ResourceLocalTransactions transactions = new ResourceLocalTransactions(factory);
        JpaSchema.createIfMissing(transactions);
        if ("true".equals(System.getenv("ALLFRAME_BENCH_WITHOUT_NOTIFICATIONS"))) {
            executeAt(url(), "DROP TRIGGER allframe_checkpoints_notify ON allframe_checkpoints",
                    "DROP TRIGGER allframe_projection_leases_notify ON allframe_projection_leases");
        }
        JsonbEventSerializer serializer = new JsonbEventSerializer();
        resources.add(serializer);
        JpaEventStore store = new JpaEventStore(transactions, serializer,
                EventTypeRegistry.of(List.of(ItemAdded.class, AccountOpened.class, MoneyDeposited.class)),
                Clock.systemUTC());
        resources.add(store);
        ExecutorService notifying = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "allframe-notifying-1");
            thread.setDaemon(true);
            return thread;
        });
        resources.add(notifying::shutdownNow);
        store.tellOthersOn(notifying);
        return store;
    }

    /**
     * Axon's JPA entities over a pool, their tables created by Hibernate. Tuned: {@code bytea} instead of
     * large objects, and JDBC batching.
     */
    public EntityManagerFactory axonUnit(int poolSize, boolean tuned) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("jakarta.persistence.schema-generation.database.action", "create");
        if (tuned) {
            properties.put("hibernate.dialect", ByteaPostgresDialect.class.getName());
            properties.put("hibernate.jdbc.batch_size", "100");
            properties.put("hibernate.order_inserts", "true");
        }
        return unit("axon-bench", poolSize, properties);
    }

    private EntityManagerFactory unit(String name, int poolSize, Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(extra);
        properties.put("jakarta.persistence.nonJtaDataSource", pool(poolSize));
        EntityManagerFactory factory = Persistence.createEntityManagerFactory(name, properties);
        resources.add(factory::close);
        return factory;
    }

    /** Runs statements in the schema. */
    public void execute(String... statements) {
        executeAt(url(), statements);
    }

    /** Closes what was opened, frees Axon's large objects (they outlive a dropped schema) and drops the schema. */
    @Override
    public void close() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
        try (Connection connection = DriverManager.getConnection(url())) {
            unlinkLargeObjects(connection);
        }
        executeAt(baseUrl(), "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    /** Unlinks the large objects the schema's {@code oid} columns refer to, a thousand per transaction. */
    private void unlinkLargeObjects(Connection connection) throws SQLException {
        List<Long> oids = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet columns = statement.executeQuery("SELECT table_name, column_name FROM information_schema.columns"
                     + " WHERE table_schema = '" + schema + "' AND data_type = 'oid'")) {
            List<String> queries = new ArrayList<>();
            while (columns.next()) {
                queries.add("SELECT " + columns.getString(2) + " FROM " + columns.getString(1) + " WHERE "
                        + columns.getString(2) + " IS NOT NULL");
            }
            for (String query : queries) {
                try (ResultSet rows = statement.executeQuery(query)) {
                    while (rows.next()) {
                        oids.add(rows.getLong(1));
                    }
                }
            }
        }
        try (PreparedStatement unlink = connection.prepareStatement("SELECT lo_unlink(o) FROM unnest(?::oid[]) o")) {
            for (int from = 0; from < oids.size(); from += 1000) {
                unlink.setArray(1, connection.createArrayOf("oid",
                        oids.subList(from, Math.min(oids.size(), from + 1000)).toArray()));
                unlink.execute();
            }
        }
    }

    private static void executeAt(String url, String... statements) {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + url + ": " + e.getMessage(), e);
        }
    }
}
