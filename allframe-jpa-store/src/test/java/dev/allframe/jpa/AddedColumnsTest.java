package dev.allframe.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.allframe.EventStoreException;
import dev.allframe.testing.LogCapture;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A database an earlier version created lacks the columns later versions added to its tables: the store adds them
 * when it may create the schema, and otherwise refuses to start, giving the statement that adds them, on every
 * database.
 */
class AddedColumnsTest {

    private static final String SCHEMA = "allframe_columns_" + ProcessHandle.current().pid();
    private static final AtomicInteger NAMES = new AtomicInteger();

    @ParameterizedTest
    @CsvSource({"H2, 'ALTER TABLE allframe_sagas ADD COLUMN trace_parent VARCHAR(100)'",
            "Apache Derby, 'ALTER TABLE allframe_sagas ADD COLUMN trace_parent VARCHAR(100)'",
            "PostgreSQL, 'ALTER TABLE allframe_sagas ADD COLUMN trace_parent VARCHAR(100)'"})
    void theStatementThatAddsAColumnIsTheScriptsDefinition(String database, String statement) {
        assertThat(JpaSchema.addColumn(database, new JpaSchema.Column("allframe_sagas", "trace_parent")))
                .isEqualTo(statement);
    }

    @ParameterizedTest
    @CsvSource({"H2", "DERBY", "POSTGRESQL"})
    void aSchemaWithoutTheSagasTraceColumnIsRefusedUntilTheStoreMayAddIt(TestDatabase database) throws Exception {
        EntityManagerFactory factory = factory(database);
        try (LogCapture log = LogCapture.of(JpaSchema.class)) {
            ResourceLocalTransactions transactions = new ResourceLocalTransactions(factory);
            JpaSchema.createIfMissing(transactions);
            JpaSchema.requireCurrent(transactions);
            transactions.write(em -> em.createNativeQuery("ALTER TABLE allframe_sagas DROP COLUMN trace_parent")
                    .executeUpdate(), done -> { });

            assertThatThrownBy(() -> JpaSchema.requireCurrent(transactions))
                    .isInstanceOf(EventStoreException.class)
                    .hasMessage("AF2060: AllFrame's table allframe_sagas lacks the column trace_parent, which this"
                            + " version stores: an earlier version created it; add the column once with 'ALTER TABLE"
                            + " allframe_sagas ADD COLUMN trace_parent VARCHAR(100)', or set"
                            + " allframe.jpa.create-schema=true to let the store add it");
            assertThat(JpaSchema.createIfMissing(transactions)).isFalse();
            JpaSchema.requireCurrent(transactions);
            assertThat(JpaSchema.createIfMissing(transactions)).isFalse();

            assertThat(log.linesAbout("AF2059")).containsExactly("INFO AF2059: Added the column trace_parent to"
                    + " AllFrame's table allframe_sagas on " + product(database) + ", which an earlier version created"
                    + " without it");
            Object traced = transactions.read(em -> em.createNativeQuery("SELECT COUNT(trace_parent) FROM"
                    + " allframe_sagas").getSingleResult());
            assertThat(((Number) traced).longValue()).isZero();
        } finally {
            factory.close();
            if (database == TestDatabase.POSTGRESQL) {
                postgres("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"H2, CHARACTER VARYING", "DERBY, CLOB", "POSTGRESQL, TEXT"})
    void aSchemaWithoutTheEventsTagsIsRefusedUntilTheStoreMayAddThem(TestDatabase database, String text)
            throws Exception {
        EntityManagerFactory factory = factory(database);
        try (LogCapture log = LogCapture.of(JpaSchema.class)) {
            ResourceLocalTransactions transactions = new ResourceLocalTransactions(factory);
            JpaSchema.createIfMissing(transactions);
            transactions.write(em -> em.createNativeQuery("DROP TABLE allframe_event_tags").executeUpdate()
                    + em.createNativeQuery("ALTER TABLE allframe_events DROP COLUMN tags").executeUpdate(), done -> { });

            assertThatThrownBy(() -> JpaSchema.requireCurrent(transactions))
                    .isInstanceOf(EventStoreException.class)
                    .hasMessage("AF2060: AllFrame's table allframe_events lacks the column tags, which this version"
                            + " stores: an earlier version created it; add the column once with 'ALTER TABLE"
                            + " allframe_events ADD COLUMN tags " + text + "', or set allframe.jpa.create-schema=true"
                            + " to let the store add it");
            transactions.write(em -> em.createNativeQuery("ALTER TABLE allframe_events ADD COLUMN tags " + text)
                    .executeUpdate(), done -> { });
            assertThatThrownBy(() -> JpaSchema.requireCurrent(transactions))
                    .isInstanceOf(EventStoreException.class)
                    .hasMessage("AF2061: AllFrame's table allframe_event_tags is missing, which this version keeps the"
                            + " events' tags in: an earlier version created the others; create it once with 'CREATE"
                            + " TABLE allframe_event_tags (tag VARCHAR(200) NOT NULL, global_position BIGINT NOT NULL,"
                            + " type_name VARCHAR(200) NOT NULL, PRIMARY KEY (tag, global_position))', or set"
                            + " allframe.jpa.create-schema=true to let the store add it");
            transactions.write(em -> em.createNativeQuery("ALTER TABLE allframe_events DROP COLUMN tags")
                    .executeUpdate(), done -> { });

            assertThat(JpaSchema.createIfMissing(transactions)).isFalse();
            JpaSchema.requireCurrent(transactions);

            assertThat(log.linesAbout("AF2027")).containsExactly("INFO AF2027: Added the table allframe_event_tags"
                    + " to AllFrame's tables on " + product(database) + ", which an earlier version created without"
                    + " it");
            assertThat(log.linesAbout("AF2059")).containsExactly("INFO AF2059: Added the column tags to AllFrame's"
                    + " table allframe_events on " + product(database) + ", which an earlier version created"
                    + " without it");
        } finally {
            factory.close();
            if (database == TestDatabase.POSTGRESQL) {
                postgres("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            }
        }
    }

    private static EntityManagerFactory factory(TestDatabase database) throws Exception {
        String url = switch (database) {
            case H2 -> "jdbc:h2:mem:added-columns-" + NAMES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
            case DERBY -> "jdbc:derby:memory:added-columns-" + NAMES.incrementAndGet() + ";create=true";
            case POSTGRESQL -> {
                assumeTrue(PostgresCondition.baseUrl() != null, "PostgreSQL tests skipped: set"
                        + " ALLFRAME_TEST_POSTGRESQL_URL to run them; .ci/run sets it");
                postgres("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE", "CREATE SCHEMA " + SCHEMA);
                String base = PostgresCondition.baseUrl();
                yield base + (base.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
            }
        };
        return Persistence.createEntityManagerFactory("allframe-test", Map.of("jakarta.persistence.jdbc.url", url));
    }

    private static String product(TestDatabase database) {
        return switch (database) {
            case H2 -> "H2";
            case DERBY -> "Apache Derby";
            case POSTGRESQL -> "PostgreSQL";
        };
    }

    private static void postgres(String... statements) throws Exception {
        try (Connection connection = DriverManager.getConnection(PostgresCondition.baseUrl());
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
