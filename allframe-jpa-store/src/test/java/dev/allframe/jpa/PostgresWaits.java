package dev.allframe.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What the tests of appends waiting for each other on PostgreSQL look for: sessions waiting for a lock, positions taken
 * on a connection of their own (as another server's append takes them), threads queued for the appending lock.
 */
public final class PostgresWaits {

    private static final long WAIT_SECONDS = 30;

    private PostgresWaits() {
    }

    /** A connection to the test schema in a transaction of its own. */
    public static Connection transaction() throws SQLException {
        Connection connection = DriverManager.getConnection(TestDatabase.POSTGRESQL.jdbcUrl());
        connection.setAutoCommit(false);
        return connection;
    }

    /** Takes one position in {@code connection}'s transaction, as an append does; with {@code wait}, as one with a
     * query condition. */
    public static long take(Connection connection, boolean wait) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet taken = statement.executeQuery("SELECT allframe_take_positions(1, " + wait + ")")) {
            taken.next();
            return taken.getLong(1);
        }
    }

    /**
     * Waits until exactly {@code count} sessions of the database wait for a lock of the kind {@code event}
     * ({@code advisory}: positions; {@code transactionid}: another transaction's row), failing after a while.
     */
    public static void awaitWaiting(String event, int count, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        try (Connection watching = DriverManager.getConnection(TestDatabase.POSTGRESQL.jdbcUrl());
             Statement statement = watching.createStatement()) {
            while (true) {
                try (ResultSet waiting = statement.executeQuery("SELECT count(*) FROM pg_stat_activity"
                        + " WHERE wait_event_type = 'Lock' AND wait_event = '" + event + "'"
                        + " AND datname = current_database()")) {
                    waiting.next();
                    if (waiting.getLong(1) == count) {
                        return;
                    }
                }
                assertThat(System.nanoTime()).as(what).isLessThan(deadline);
                Thread.sleep(5);
            }
        }
    }

    /** Waits, in a thread the test holds up, until the test lets it go; fails after a while. */
    public static void awaitRelease(CountDownLatch release) {
        try {
            if (!release.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never let go");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until {@code count} threads have queued their appends and wait for the appending lock. */
    public static void awaitParkedInGroupCommit(List<Thread> threads, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (threads.size() < count || !threads.stream().allMatch(thread -> thread.getState() == Thread.State.WAITING
                && Arrays.stream(thread.getStackTrace()).anyMatch(frame -> frame.getMethodName().equals("append")
                && frame.getClassName().endsWith("GroupCommit")))) {
            assertThat(System.nanoTime()).as("appends waiting for the lock").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
