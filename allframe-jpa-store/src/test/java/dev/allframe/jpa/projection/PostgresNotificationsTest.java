package dev.allframe.jpa.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.core.EventIds;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.core.Problems;
import dev.allframe.core.projection.BoundProjection;
import dev.allframe.core.projection.ProjectionEngine;
import dev.allframe.core.projection.ProjectionInspector;
import dev.allframe.core.projection.ProjectionInspector.ProjectionBean;
import dev.allframe.core.projection.ProjectionSettings;
import dev.allframe.core.work.Lane;
import dev.allframe.core.work.LaneWorkers;
import dev.allframe.jpa.JpaEventStore;
import dev.allframe.jpa.JpaSchema;
import dev.allframe.jpa.JsonbEventSerializer;
import dev.allframe.jpa.ResourceLocalTransactions;
import dev.allframe.jpa.PostgresCondition.RequiresPostgres;
import dev.allframe.jpa.TestDatabase;
import dev.allframe.jpa.internal.PostgresNotifications;
import dev.allframe.projection.ProjectionMode;
import dev.allframe.projection.ProjectionState;
import dev.allframe.projection.ReadModel;
import dev.allframe.spi.StoreCapabilities;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.NewEvent;
import dev.allframe.spi.event.RemoteChangeListener;
import dev.allframe.testing.LogCapture;
import dev.allframe.testing.ManualTimer;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Servers on one PostgreSQL schema hear of each other's commits as they happen: two engines over two store instances
 * stand for two servers, and their timer is never moved, so no poll ever runs. Whatever reaches the other server here
 * reached it through the database's notifications.
 */
@RequiresPostgres
class PostgresNotificationsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final TestDatabase database = TestDatabase.POSTGRESQL;
    private final LaneWorkers workers = LaneWorkers.own(Clock.systemUTC());
    private final ManualTimer noPolls = new ManualTimer();
    private final List<ProjectionEngine> engines = new ArrayList<>();
    /** Each server's own listening thread. */
    private final List<LaneWorkers> servers = new ArrayList<>();
    private JpaEventStore writer;

    @BeforeEach
    void emptyStoreAndReadModel() {
        writer = database.freshStore(EventTypeRegistry.of(List.of(Credited.class)));
        database.execute("DROP TABLE IF EXISTS test_ledger",
                "CREATE TABLE test_ledger (event_id VARCHAR(36) PRIMARY KEY, account VARCHAR(20), amount INTEGER)");
    }

    @AfterEach
    void stopEngines() {
        engines.forEach(ProjectionEngine::close);
        servers.forEach(LaneWorkers::close);
        workers.close();
    }

    @Test
    void anAsyncProjectionAppliedOnOneServerWakesAtAnotherServersAppendAndShowsThereAtOnce() throws Exception {
        ProjectionEngine applying = start("node-a", ProjectionMode.ASYNC);
        awaitOwner(applying, "node-a");
        ProjectionEngine other = start("node-b", ProjectionMode.ASYNC);

        credit(5);

        assertThat(other.awaitPosition("ledger", 5, WAIT)).as("shown on the server not applying it").isTrue();
        assertThat(rows()).isEqualTo(5);
        assertThat(other.status("ledger").owner()).isEqualTo("node-a");
    }

    @Test
    void anInlineProjectionShowsTheRowsAnotherServerWroteInItsAppends() throws Exception {
        ProjectionEngine here = start("node-a", ProjectionMode.INLINE);
        JpaEventStore there = database.freshStoreKeepingData(EventTypeRegistry.of(List.of(Credited.class)));
        writer = there;
        ProjectionEngine appending = start(there, "node-b", ProjectionMode.INLINE);

        credit(3);

        long deadline = System.nanoTime() + WAIT.toNanos();
        while (here.status("ledger").position() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(here.status("ledger").position()).isEqualTo(3);
        assertThat(appending.status("ledger").position()).isEqualTo(3);
        assertThat(rows()).isEqualTo(3);
    }

    @Test
    void aResumeAskedOfAnotherServerLetsTheServerApplyingTheProjectionGoOnAtOnce() throws Exception {
        ProjectionEngine applying = start("node-a", ProjectionMode.ASYNC);
        awaitOwner(applying, "node-a");
        ProjectionEngine other = start("node-b", ProjectionMode.ASYNC);
        other.pause("ledger");
        credit(4);
        assertThat(applying.status("ledger").state()).isEqualTo(ProjectionState.PAUSED);

        other.resume("ledger");

        assertThat(other.awaitPosition("ledger", 4, WAIT)).isTrue();
        assertThat(rows()).isEqualTo(4);
    }

    /**
     * A database that cuts the listening connection (restarted, failed over, an administrator): the server says so
     * and listens again after the poll interval, on a new connection, and hears what commits from then on. Its own
     * connection pool, so that the cut connection goes back to no other test's pool.
     */
    @Test
    void aServerWhoseListeningConnectionIsCutSaysSoAndListensAgainAfterThePollInterval() throws Exception {
        EntityManagerFactory own = Persistence.createEntityManagerFactory("allframe-test",
                Map.of("jakarta.persistence.jdbc.url", database.jdbcUrl(), "hibernate.connection.pool_size", "3"));
        try (LogCapture log = LogCapture.of("dev.allframe.core.projection.RemoteWakeUps")) {
            ProjectionEngine applying = start(new JpaEventStore(new ResourceLocalTransactions(own),
                    new JsonbEventSerializer(), EventTypeRegistry.of(List.of(Credited.class)), Clock.systemUTC()),
                    "node-a", ProjectionMode.ASYNC);
            awaitOwner(applying, "node-a");

            database.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN \""
                    + PostgresNotifications.channel(database.schema()) + "\"'");
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (log.lines().stream().noneMatch(line -> line.contains("AF1194")) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(log.lines()).contains("WARNING AF1194: Node node-a stopped hearing of the other nodes' commits:"
                    + " its projections follow them at each poll, and it listens again in 1s");
            noPolls.advance(Duration.ofSeconds(1));
            awaitListeners(1);
            credit(2);

            assertThat(applying.awaitPosition("ledger", 2, WAIT)).as("woken by a notification once listening again")
                    .isTrue();
            assertThat(rows()).isEqualTo(2);
        } finally {
            engines.forEach(ProjectionEngine::close);
            engines.clear();
            own.close();
        }
    }

    @Test
    void aSchemaWithoutTheTriggersIsListenedToByNoOneAndSaysSoUntilTheyAreAdded() throws Exception {
        database.execute("DROP TRIGGER allframe_checkpoints_notify ON allframe_checkpoints");
        JpaEventStore store = database.freshStoreKeepingData(EventTypeRegistry.of(List.of(Credited.class)));

        try (LogCapture log = LogCapture.of(JpaEventStore.class)) {
            assertThat(store.listen(workers.executor(Lane.LISTENING), new Told())).isEmpty();
            assertThat(store.listen(workers.executor(Lane.LISTENING), new Told())).isEmpty();

            assertThat(log.lines()).containsExactly("INFO AF2057: The servers sharing the database follow each other at"
                    + " each poll, not at once: the schema " + database.schema() + " lacks the triggers"
                    + " allframe_checkpoints_notify and allframe_projection_leases_notify of the PostgreSQL script");
        }
        try (LogCapture log = LogCapture.of(JpaSchema.class)) {
            assertThat(JpaSchema.createIfMissing(database.transactions())).isFalse();

            assertThat(log.lines()).containsExactly("INFO AF2056: Added the triggers that tell the servers sharing the"
                    + " database what was committed (notifications) to AllFrame's tables on PostgreSQL, which an earlier"
                    + " version created without them");
        }
        try (var listening = store.listen(workers.executor(Lane.LISTENING), new Told()).orElseThrow()) {
            assertThat(listening).isNotNull();
        }
    }

    @Test
    void theTriggerOnTheEventsOfAnEarlierVersionIsRemovedWhereTheStoreKeepsTheSchemaAndNamedWhereItDoesNot() {
        String earlier = "CREATE TRIGGER allframe_events_notify AFTER INSERT ON allframe_events REFERENCING NEW TABLE"
                + " AS appended FOR EACH STATEMENT EXECUTE FUNCTION allframe_notify()";
        database.execute(earlier);
        try (LogCapture log = LogCapture.of(JpaSchema.class)) {
            JpaSchema.requireCurrent(database.transactions());

            assertThat(log.lines()).containsExactly("WARNING AF2069: Schema " + database.schema() + " (PostgreSQL) has"
                    + " the trigger allframe_events_notify of an earlier version: each append's commit waits in it for"
                    + " the commits of every other append, of every server; the servers tell each other of appends"
                    + " after they commit without it: remove it once with 'DROP TRIGGER allframe_events_notify ON"
                    + " allframe_events', or set allframe.jpa.create-schema=true to let the store remove it");
        }
        try (LogCapture log = LogCapture.of(JpaSchema.class)) {
            assertThat(JpaSchema.createIfMissing(database.transactions())).isFalse();
            JpaSchema.requireCurrent(database.transactions());

            assertThat(log.lines()).containsExactly("INFO AF2068: Removed the trigger allframe_events_notify from"
                    + " schema " + database.schema() + " (PostgreSQL): each append's commit waited in it for the"
                    + " commits of every other append; the servers now tell each other of appends after they commit");
        }
    }

    /**
     * Another server's append, a batch and an operator's request are told in the order they committed; the listening
     * server's own append is not told back (its projections heard of it as it committed).
     */
    @Test
    void eachNotificationIsToldInCommitOrderAndOneThatDoesNotReadIsReportedAndLeft() throws Exception {
        Told told = new Told();
        JpaEventStore server = database.freshStoreKeepingData(EventTypeRegistry.of(List.of(Credited.class)));
        try (LogCapture log = LogCapture.of(PostgresNotifications.class);
             var listening = server.listen(workers.executor(Lane.LISTENING), told).orElseThrow()) {
            String channel = PostgresNotifications.channel(TestDatabase.POSTGRESQL.schema());
            awaitListening(told, channel);
            database.execute("SELECT pg_notify('" + channel + "', 'c many ledger')");
            server.append("own", AppendCondition.any(), List.of(new NewEvent(EventIds.next(), "Credited", 1,
                    new Credited("own", 1), null, null, null)));
            credit(2);
            writer.changeControl("ledger", control -> control.withPaused(true));

            assertThat(told.next()).as("the other server's append; not its own, before it").isEqualTo("appended 3");
            assertThat(told.next()).as("the checkpoint row made for the control").isEqualTo("progressed ledger 0");
            assertThat(told.next()).isEqualTo("controlled ledger");
            assertThat(log.lines()).containsExactly("WARNING AF2058: A notification of the servers sharing the database"
                    + " was not taken: 'c many ledger'");
        }
    }

    /** Waits until {@code count} connections listen on the schema's channel. */
    private void awaitListeners(long count) throws InterruptedException {
        String listen = "LISTEN \"" + PostgresNotifications.channel(database.schema()) + "\"";
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            long listening = database.transactions().read(em -> ((Number) em.createNativeQuery(
                    "SELECT COUNT(*) FROM pg_stat_activity WHERE query = ?").setParameter(1, listen).getSingleResult())
                    .longValue());
            if (listening == count) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError(count + " connections do not listen");
    }

    /** Notifies until the listener hears it: listening starts on a thread of its own. */
    private void awaitListening(Told told, String channel) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            database.execute("SELECT pg_notify('" + channel + "', 'k ready')");
            String heard = told.told.poll(100, TimeUnit.MILLISECONDS);
            if ("controlled ready".equals(heard)) {
                told.told.clear();
                return;
            }
        }
        throw new AssertionError("not listening");
    }

    private ProjectionEngine start(String node, ProjectionMode mode) {
        return start(database.freshStoreKeepingData(EventTypeRegistry.of(List.of(Credited.class))), node, mode);
    }

    private ProjectionEngine start(JpaEventStore store, String node, ProjectionMode mode) {
        ProjectionSettings settings = new ProjectionSettings(50, Duration.ofSeconds(1), 1, Duration.ofMillis(10),
                Duration.ofMinutes(1), node);
        Problems problems = new Problems();
        var model = ProjectionInspector.inspect(List.of(new ProjectionBean(LedgerRows.class, "ledger", mode,
                ReadModel.STORED)), problems).get(0);
        LaneWorkers server = LaneWorkers.own(Clock.systemUTC());
        servers.add(server);
        ProjectionEngine engine = ProjectionEngine.create(StoreCapabilities.of(store), "the JPA store", settings,
                List.of(new BoundProjection(model, new LedgerRows())), workers.executor(Lane.PROJECTIONS),
                server.executor(Lane.LISTENING), noPolls, Clock.systemUTC(), problems).orElseThrow();
        engines.add(engine);
        engine.start();
        return engine;
    }

    private static void awaitOwner(ProjectionEngine engine, String node) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!node.equals(engine.status("ledger").owner()) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(engine.status("ledger").owner()).isEqualTo(node);
    }

    private void credit(int count) {
        List<NewEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(new NewEvent(EventIds.next(), "Credited", 1, new Credited("acc", i + 1), null, null, null));
        }
        writer.append("acc", AppendCondition.any(), events);
    }

    private long rows() {
        return database.transactions().read(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM test_ledger")
                .getSingleResult()).longValue());
    }

    /** What a listener was told, in order. */
    private static final class Told implements RemoteChangeListener {

        final LinkedBlockingQueue<String> told = new LinkedBlockingQueue<>();
        final List<Throwable> lost = Collections.synchronizedList(new ArrayList<>());

        String next() throws InterruptedException {
            return told.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        }

        @Override
        public void appended(long head) {
            told.add("appended " + head);
        }

        @Override
        public void progressed(String projection, long checkpoint) {
            told.add("progressed " + projection + " " + checkpoint);
        }

        @Override
        public void controlled(String projection) {
            told.add("controlled " + projection);
        }

        @Override
        public void lost(Throwable cause) {
            lost.add(cause);
        }
    }
}
