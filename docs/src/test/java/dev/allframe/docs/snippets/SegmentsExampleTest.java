package dev.allframe.docs.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.command.CommandBus;
import dev.allframe.command.CommandResult;
import dev.allframe.projection.ProjectionRegistry;
import dev.allframe.projection.ProjectionState;
import dev.allframe.projection.ProjectionStatus;
import java.lang.reflect.Constructor;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The projection in four segments of docs/guide/clusters.md, compiled from its block with the README's bank and run on
 * the JPA store of the README (H2): the deposits of eight accounts are spread over the segments, each applied once,
 * and the projection is one to wait for, to look at and to rebuild.
 */
class SegmentsExampleTest {

    private static final String PACKAGE = "com.example.bank.";
    private static final String DATABASE = "jdbc:h2:mem:bank;DB_CLOSE_DELAY=-1";

    @TempDir
    Path directory;

    @Test
    void eightAccountsDepositsAreAppliedOnceAcrossFourSegmentsAndRebuiltTogether() throws Exception {
        Example segments = Example.of("clusters-segments", "bank-jpa", directory);
        try (Connection connection = DriverManager.getConnection(DATABASE)) {
            execute(connection, "DROP ALL OBJECTS");
            execute(connection, "CREATE TABLE deposit_lines (position BIGINT PRIMARY KEY, account_id VARCHAR(40),"
                    + " amount DECIMAL(19, 2))");
            segments.run(() -> {
                try (WeldContainer container = segments.start()) {
                    CommandBus commands = container.select(CommandBus.class).get();
                    ProjectionRegistry projections = container.select(ProjectionRegistry.class).get();
                    CommandResult last = null;
                    for (int account = 1; account <= 8; account++) {
                        commands.dispatch(message(segments, "AccountCommand$Open", "A-" + account, "Ada"));
                        last = commands.dispatch(message(segments, "AccountCommand$Deposit", "A-" + account,
                                new BigDecimal(account)));
                    }

                    assertThat(projections.awaitPosition("deposit-lines", last.lastPosition(), Duration.ofSeconds(30)))
                            .isTrue();
                    assertThat(count(connection, "SELECT COUNT(*) FROM deposit_lines")).isEqualTo(8);
                    ProjectionStatus status = projections.status("deposit-lines");
                    assertThat(status.state()).isEqualTo(ProjectionState.RUNNING);
                    assertThat(status.position()).isEqualTo(last.lastPosition());
                    assertThat(status.segments()).extracting(ProjectionStatus::name).containsExactly(
                            "deposit-lines[1/4]", "deposit-lines[2/4]", "deposit-lines[3/4]", "deposit-lines[4/4]");
                    assertThat(status.segments()).extracting(ProjectionStatus::owner).doesNotContainNull();

                    projections.rebuild("deposit-lines");
                    assertThat(projections.awaitPosition("deposit-lines", last.lastPosition(), Duration.ofSeconds(30)))
                            .isTrue();
                    awaitRunning(projections);
                    assertThat(count(connection, "SELECT COUNT(*) FROM deposit_lines")).as("applied once again")
                            .isEqualTo(8);
                    assertThat(count(connection, "SELECT COUNT(*) FROM allframe_checkpoints"
                            + " WHERE projection LIKE 'deposit-lines[%'")).isEqualTo(4);
                }
                return null;
            });
        } finally {
            try (Connection connection = DriverManager.getConnection(DATABASE)) {
                execute(connection, "DROP ALL OBJECTS");
            }
        }
    }

    private static void awaitRunning(ProjectionRegistry projections) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (projections.status("deposit-lines").state() != ProjectionState.RUNNING) {
            assertThat(System.nanoTime()).as("the rebuild ends").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Object message(Example example, String type, Object... components) throws Exception {
        Constructor<?> constructor = example.classes().load(PACKAGE + type).getDeclaredConstructors()[0];
        constructor.setAccessible(true);
        return constructor.newInstance(components);
    }
}
