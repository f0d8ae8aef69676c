package dev.allframe.jpa;

import static dev.allframe.jpa.PostgresWaits.awaitParkedInGroupCommit;
import static dev.allframe.jpa.PostgresWaits.awaitWaiting;
import static dev.allframe.jpa.PostgresWaits.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.allframe.EventEnvelope;
import dev.allframe.core.EventIds;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.event.EventQuery;
import dev.allframe.jpa.PostgresCondition.RequiresPostgres;
import dev.allframe.jpa.internal.Appender;
import dev.allframe.spi.conformance.ConformanceSeat;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.AppendRequest;
import dev.allframe.spi.event.AppendResult;
import dev.allframe.spi.event.NewEvent;
import dev.allframe.spi.event.QueryCondition;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An append with a query condition waits, once it took its positions, for the appends holding lower ones to end. A
 * transaction that waits so while it holds positions taken before can close a circle with another server's append
 * that took positions in between and waits for those: the database then fails one of the two. The store never makes
 * such a transaction itself: a shared commit begins with its one append with a query condition, and an append in a
 * transaction that has to take new positions first lets go of those it took. Another server's append is played here
 * on a connection of its own, by the database function appends take their positions with.
 */
@RequiresPostgres
class WaitingAppendsTest {

    private static final long WAIT_SECONDS = 30;

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final List<Connection> connections = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        pool.shutdownNow();
        for (Connection connection : connections) {
            connection.close();
        }
    }

    /**
     * Two appends with query conditions queue behind a third while another server holds position 3: on main they
     * were written together, the second waiting for position 5 (another server's, which waits for the shared
     * transaction's 4), and the database ended the circle by failing one.
     */
    @Test
    void appendsWithQueryConditionsWaitingTogetherAreNotWrittenInOneTransaction() throws Exception {
        JpaEventStore store = TestDatabase.POSTGRESQL.freshStoreWritingOneBatchAtATime(seats());
        Connection lower = transaction();
        assertThat(take(lower, false)).isEqualTo(1);
        Future<AppendResult> first = pool.submit(() -> store.append(seat("s0")));
        awaitWaiting("advisory", 1, "the first append waits for position 1");
        Connection between = transaction();
        assertThat(take(between, false)).isEqualTo(3);
        List<Thread> queued = Collections.synchronizedList(new ArrayList<>());
        List<Future<AppendResult>> next = new ArrayList<>();
        for (String student : List.of("s1", "s2")) {
            next.add(pool.submit(() -> {
                queued.add(Thread.currentThread());
                return store.append(seat(student));
            }));
            awaitParkedInGroupCommit(queued, next.size());
        }

        lower.rollback();
        assertThat(first.get(WAIT_SECONDS, TimeUnit.SECONDS).events().get(0).globalPosition()).isEqualTo(2);
        awaitWaiting("advisory", 1, "the next append waits for position 3");
        Connection other = transaction();
        Future<Long> otherTakes = pool.submit(() -> take(other, true));
        awaitWaiting("advisory", 2, "another server's append waits for positions 3 and 4");
        between.rollback();

        assertThat(otherTakes.get(WAIT_SECONDS, TimeUnit.SECONDS)).as("another server's position").isEqualTo(5);
        other.rollback();
        for (Future<AppendResult> appended : next) {
            appended.get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
        assertThat(store.readAll(0, 100)).extracting(EventEnvelope::streamId, EventEnvelope::globalPosition)
                .containsExactly(tuple("student-s0", 2L), tuple("student-s1", 4L), tuple("student-s2", 6L));
    }

    /**
     * An append with a query condition in a transaction finds its stream's version taken by another append that
     * committed while it waited, and takes new positions: it lets go of the first ones before it waits for the lower
     * ones, so another server's append that waits for them goes on. On main it kept them, and the two waited for each
     * other until the database failed one.
     */
    @Test
    void anAppendInATransactionTakingNewPositionsLetsGoOfTheFirstBeforeItWaits() throws Exception {
        JpaEventStore store = TestDatabase.POSTGRESQL.freshStore(seats());
        CountDownLatch rivalInside = new CountDownLatch(1);
        CountDownLatch rivalGoes = new CountDownLatch(1);
        store.subscribeInline(appended -> {
            if (((ConformanceSeat) appended.events().get(0).event()).student().equals("rival")) {
                rivalInside.countDown();
                PostgresWaits.awaitRelease(rivalGoes);
            }
        });
        Connection lower = transaction();
        assertThat(take(lower, false)).isEqualTo(1);
        Future<AppendResult> conditioned = pool.submit(() -> store.append(seatIn("shared", "s1")));
        awaitWaiting("advisory", 1, "the append with a query condition waits for position 1");
        Future<AppendResult> rival = pool.submit(() -> store.append(new AppendRequest("shared",
                AppendCondition.any(), List.of(event("rival")), null)));
        assertThat(rivalInside.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("the rival stored version 1").isTrue();

        lower.rollback();
        awaitWaiting("transactionid", 1, "the append with a query condition waits for the rival's version 1");
        Connection other = transaction();
        Future<Long> otherTakes = pool.submit(() -> take(other, true));
        awaitWaiting("advisory", 1, "another server's append waits for positions 2 and 3");
        rivalGoes.countDown();

        assertThat(rival.get(WAIT_SECONDS, TimeUnit.SECONDS).events().get(0).globalPosition()).isEqualTo(3);
        assertThat(otherTakes.get(WAIT_SECONDS, TimeUnit.SECONDS)).as("another server's position").isEqualTo(4);
        other.rollback();
        AppendResult appended = conditioned.get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(appended.streamVersion()).isEqualTo(2);
        assertThat(store.readAll(0, 100)).extracting(EventEnvelope::streamVersion, EventEnvelope::globalPosition)
                .containsExactly(tuple(1L, 3L), tuple(2L, 5L));
    }

    /**
     * An append that waits in the database (a query condition, for position 1 that another server holds) does not
     * hold up the appends the process's other threads make to streams of other lanes: they are written beside it, in
     * transactions of their own, and end first. On main one thread wrote at a time, and they waited for it until the
     * other server ended.
     */
    @Test
    void appendsOfOtherThreadsAreWrittenBesideOneThatWaitsInTheDatabase() throws Exception {
        JpaEventStore store = TestDatabase.POSTGRESQL.freshStore(seats());
        Connection lower = transaction();
        assertThat(take(lower, false)).isEqualTo(1);
        Future<AppendResult> waits = pool.submit(() -> store.append(seat("s0")));
        awaitWaiting("advisory", 1, "the append with a query condition waits for position 1");

        int waitingLane = Appender.lane("student-s0", Appender.SIDE_BY_SIDE);
        List<String> streams = IntStream.range(0, 100).mapToObj(i -> "plain-" + i)
                .filter(stream -> Appender.lane(stream, Appender.SIDE_BY_SIDE) != waitingLane).limit(3).toList();
        List<Future<AppendResult>> others = new ArrayList<>();
        for (String stream : streams) {
            others.add(pool.submit(() -> store.append(new AppendRequest(stream, AppendCondition.noStream(),
                    List.of(event(stream)), null))));
        }
        for (Future<AppendResult> other : others) {
            assertThat(other.get(WAIT_SECONDS, TimeUnit.SECONDS).events()).hasSize(1);
        }
        assertThat(waits).as("still waiting for position 1").isNotDone();

        lower.rollback();
        assertThat(waits.get(WAIT_SECONDS, TimeUnit.SECONDS).events().get(0).globalPosition()).isEqualTo(2);
        assertThat(store.readAll(0, 100)).extracting(EventEnvelope::streamId)
                .containsExactlyInAnyOrderElementsOf(Stream.concat(Stream.of("student-s0"), streams.stream()).toList());
    }

    /**
     * An append alone (autocommit) with a query condition waits for position 1, held by a transaction that then
     * takes more and waits for the append's: the database fails the append's implicit transaction to end the circle,
     * which holds nothing then, and the append takes new positions and goes on once the other transaction ended.
     */
    @Test
    void anAppendAloneThatTheDatabaseFailsToEndADeadlockTakesNewPositions() throws Exception {
        JpaEventStore store = TestDatabase.POSTGRESQL.freshStore(seats());
        Connection other = transaction();
        try (java.sql.Statement patient = other.createStatement()) {
            patient.execute("SET deadlock_timeout = '10min'");
        }
        assertThat(take(other, false)).isEqualTo(1);
        Future<AppendResult> alone = pool.submit(() -> store.append(seat("s1")));
        awaitWaiting("advisory", 1, "the append waits for position 1");

        assertThat(take(other, true)).as("the other transaction's next position, once the append let go of 2")
                .isEqualTo(3);
        other.rollback();
        assertThat(alone.get(WAIT_SECONDS, TimeUnit.SECONDS).events().get(0).globalPosition()).isEqualTo(4);
        assertThat(store.readAll(0, 100)).extracting(EventEnvelope::streamId).containsExactly("student-s1");
    }

    private Connection transaction() throws Exception {
        Connection connection = PostgresWaits.transaction();
        connections.add(connection);
        return connection;
    }

    private static EventTypeRegistry seats() {
        return EventTypeRegistry.of(List.of(ConformanceSeat.class));
    }

    /** A seat of {@code student} in a course of its own, in stream {@code student-<student>}. */
    private static AppendRequest seat(String student) {
        return seatIn("student-" + student, student);
    }

    /** A seat of {@code student} in a course of its own, on the condition that none was taken in it. */
    private static AppendRequest seatIn(String stream, String student) {
        return new AppendRequest(stream, AppendCondition.any(), List.of(event(student)), null)
                .onlyIf(new QueryCondition(EventQuery.tagged("course:" + student), 0));
    }

    private static NewEvent event(String student) {
        return new NewEvent(EventIds.next(), "ConformanceSeat", 1, new ConformanceSeat(student, student), null,
                null, Map.of(), new LinkedHashSet<>(List.of("course:" + student)));
    }
}
