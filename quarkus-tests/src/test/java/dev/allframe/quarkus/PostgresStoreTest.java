package dev.allframe.quarkus;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The library on the JPA store on PostgreSQL (group commit, notifications), in a schema of its own that the run
 * creates and drops. Runs when {@code ALLFRAME_TEST_POSTGRESQL_URL} names a database the tests may use.
 */
@QuarkusTest
@TestProfile(PostgresStoreTest.OnPostgres.class)
@EnabledIfEnvironmentVariable(named = PostgresStoreTest.URL, matches = ".+")
class PostgresStoreTest extends JpaStoreTest {

    static final String URL = "ALLFRAME_TEST_POSTGRESQL_URL";

    public static class OnPostgres implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.db-kind", "postgresql", "allframe.event-store", "jpa",
                    "allframe.jpa.create-schema", "true");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(Schema.class));
        }
    }

    /** A schema of this run's own on the database the environment names. */
    public static class Schema implements QuarkusTestResourceLifecycleManager {

        private static final String NAME = "allframe_quarkus_" + ProcessHandle.current().pid();

        @Override
        public Map<String, String> start() {
            String url = System.getenv(URL);
            execute(url, "CREATE SCHEMA " + NAME);
            return Map.of("quarkus.datasource.jdbc.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + NAME);
        }

        @Override
        public void stop() {
            execute(System.getenv(URL), "DROP SCHEMA " + NAME + " CASCADE");
        }

        private static void execute(String url, String sql) {
            try (Connection connection = DriverManager.getConnection(url);
                 Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(sql + " failed on " + url, e);
            }
        }
    }
}
