package dev.allframe.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.core.EventIds;
import dev.allframe.jpa.PostgresCondition.RequiresPostgres;
import dev.allframe.spi.conformance.ConformanceEvent;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.AppendRequest;
import dev.allframe.spi.event.NewEvent;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A transaction that notifies (PostgreSQL's {@code NOTIFY}) takes, when it commits, a lock that every notifying
 * transaction of the database takes, and holds it until its commit is flushed. On main each append notified from its
 * own transaction (a trigger on the events), so the appends of every server committed one after the other. Here
 * another session keeps that lock busy: it notifies in transactions whose commits it slows down
 * ({@code commit_delay}), one after the other, while two threads append and a third watches the database for
 * sessions waiting for that lock (PostgreSQL names it {@code object}) in anything but a notice of the store's own.
 */
@RequiresPostgres
class AppendCommitsSideBySideTest {

    private static final int APPENDS_EACH = 15;

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final CountDownLatch busy = new CountDownLatch(1);

    @AfterEach
    void stop() {
        stop.set(true);
        pool.shutdownNow();
    }

    @Test
    void appendsDoNotWaitForTheLockOfNotifyingTransactions() throws Exception {
        JpaEventStore store = TestDatabase.POSTGRESQL.freshStore();
        ExecutorService notices = Executors.newSingleThreadExecutor();
        store.tellOthersOn(notices);
        try {
            Future<Integer> held = pool.submit(this::holdTheNotifyLock);
            Future<Integer> waits = pool.submit(this::appendSessionsWaitingForTheNotifyLock);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                String stream = "writer-" + w;
                writers.add(pool.submit(() -> {
                    assertThat(busy.await(1, TimeUnit.MINUTES)).as("the lock kept busy").isTrue();
                    for (int i = 0; i < APPENDS_EACH; i++) {
                        store.append(new AppendRequest(stream, AppendCondition.streamVersionEq(i), List.of(
                                new NewEvent(EventIds.next(), "ConformanceEvent", 1, new ConformanceEvent(stream, i),
                                        null, null, null)), null));
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(2, TimeUnit.MINUTES);
            }
            stop.set(true);

            held.get(1, TimeUnit.MINUTES);
            assertThat(waits.get(1, TimeUnit.MINUTES)).as("times an append was seen waiting for the lock")
                    .isZero();
            assertThat(store.readAll(0, 100)).hasSize(2 * APPENDS_EACH);
        } finally {
            notices.shutdownNow();
        }
    }

    /** Notifies in transactions whose commits wait a tenth of a second before their flush, one after the other. */
    private int holdTheNotifyLock() throws Exception {
        int commits = 0;
        try (Connection connection = DriverManager.getConnection(TestDatabase.POSTGRESQL.jdbcUrl());
             Statement statement = connection.createStatement()) {
            statement.execute("SET commit_delay = 100000");
            statement.execute("SET commit_siblings = 0");
            connection.setAutoCommit(false);
            while (!stop.get()) {
                statement.execute("NOTIFY allframe_test_busy");
                connection.commit();
                commits++;
                busy.countDown();
            }
        }
        return commits;
    }

    /** How many times a session of the database was seen waiting for the notifying transactions' lock but a notice. */
    private int appendSessionsWaitingForTheNotifyLock() throws Exception {
        int seen = 0;
        try (Connection connection = DriverManager.getConnection(TestDatabase.POSTGRESQL.jdbcUrl());
             Statement statement = connection.createStatement()) {
            while (!stop.get()) {
                try (ResultSet waiting = statement.executeQuery("SELECT count(*) FROM pg_stat_activity"
                        + " WHERE wait_event_type = 'Lock' AND wait_event = 'object'"
                        + " AND datname = current_database() AND query NOT LIKE 'SELECT set_config(%'")) {
                    waiting.next();
                    seen += waiting.getInt(1);
                }
            }
        }
        return seen;
    }
}
