package dev.allframe.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.atIndex;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import dev.allframe.EventEnvelope;
import dev.allframe.EventStoreException;
import dev.allframe.command.ConcurrencyConflictException;
import dev.allframe.command.DuplicateEventIdException;
import dev.allframe.command.IdempotencyScopeClosedException;
import dev.allframe.command.QueryConflictException;
import dev.allframe.command.UnstorableValueException;
import dev.allframe.core.EventIds;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.event.EventQuery;
import dev.allframe.event.QueryItem;
import dev.allframe.jpa.PostgresCondition.RequiresPostgres;
import dev.allframe.jpa.internal.AutocommitConnections;
import dev.allframe.jpa.internal.JdbcWork;
import dev.allframe.spi.conformance.ConformanceEvent;
import dev.allframe.spi.conformance.ConformanceSeat;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.AppendRequest;
import dev.allframe.spi.event.AppendResult;
import dev.allframe.spi.event.LogPage;
import dev.allframe.spi.event.NewEvent;
import dev.allframe.spi.event.QueryCondition;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * PostgreSQL's append paths, those of appends with and without an idempotency key, share the positions: a refused
 * append gives its back when no append took any after them, so that appends one after the other number events on
 * without a hole. An append with nothing else
 * in its transaction runs alone, in autocommit mode; with an inline listener it runs in a transaction. Tagged
 * appends and appends under a query condition take the same paths, with the guarantees and results of the
 * portable one.
 */
@RequiresPostgres
class PostgresAppendPathTest {

    private CountingDataSource counting;
    private EntityManagerFactory factory;

    /** Which PostgreSQL path unkeyed appends take. */
    enum Path {
        ALONE, IN_TRANSACTION
    }

    @AfterEach
    void closeCountingUnit() {
        if (factory != null) {
            factory.close();
        }
    }

    /** Resource-local transactions of a unit whose connections record what they send ({@link #counting}). */
    private ResourceLocalTransactions countingTransactions() {
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(PostgresCondition.url());
        counting = new CountingDataSource(postgres);
        factory = Persistence.createEntityManagerFactory("allframe-test",
                Map.of("jakarta.persistence.nonJtaDataSource", counting));
        return new ResourceLocalTransactions(factory);
    }

    private static JpaEventStore store(JpaTransactions transactions) {
        return new JpaEventStore(transactions, new JsonbEventSerializer(),
                EventTypeRegistry.of(List.of(ConformanceEvent.class)), Clock.systemUTC());
    }

    /**
     * A store over {@code transactions} that appends alone on {@code autocommit}, one thread at a time: the appends
     * that come meanwhile wait and share its next transaction.
     */
    private static JpaEventStore store(JpaTransactions transactions, AutocommitConnections autocommit) {
        return new JpaEventStore(transactions, Optional.of(autocommit), new JsonbEventSerializer(),
                EventTypeRegistry.of(List.of(ConformanceEvent.class)), Clock.systemUTC(), 1);
    }

    private static JpaEventStore store(Path path) {
        JpaEventStore store = TestDatabase.POSTGRESQL.freshStore();
        if (path == Path.IN_TRANSACTION) {
            store.subscribeInline(appended -> { });
        }
        return store;
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void aRefusedAppendLeavesTheHeadWhereItWas(Path path) {
        JpaEventStore store = store(path);
        store.append(request("a", AppendCondition.noStream(), null, 2));

        assertThatThrownBy(() -> store.append(request("a", AppendCondition.streamVersionEq(5), null, 3)))
                .isInstanceOfSatisfying(ConcurrencyConflictException.class, e -> {
                    assertThat(e.streamId()).isEqualTo("a");
                    assertThat(e.expectedVersion()).isEqualTo(5);
                    assertThat(e.actualVersion()).isEqualTo(2);
                });
        assertThatThrownBy(() -> store.append(request("a", AppendCondition.noStream(), null, 1)))
                .isInstanceOfSatisfying(ConcurrencyConflictException.class,
                        e -> assertThat(e.actualVersion()).isEqualTo(2));

        assertThat(store.headPosition()).isEqualTo(2);
        assertThat(store.readAll(0, 100)).hasSize(2);
        assertThat(store.append(request("b", AppendCondition.any(), null, 1)).events())
                .extracting(EventEnvelope::globalPosition).containsExactly(3L);
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void aLogWhosePositionsRanOutRefusesAppendsWithAnIdAndStoresNothing(Path path) {
        JpaEventStore store = store(path);
        TestDatabase.POSTGRESQL.execute("SELECT setval('allframe_positions', 1099511627773)");
        assertThat(store.append(request("a", AppendCondition.any(), null, 1)).events())
                .extracting(EventEnvelope::globalPosition).containsExactly(1_099_511_627_774L);

        assertThatThrownBy(() -> store.append(request("b", AppendCondition.any(), null, 1)))
                .isInstanceOf(EventStoreException.class)
                .hasMessage("AF2062: The global log cannot hold more than 1099511627774 positions");
        assertThat(store.streamVersion("b")).isZero();
        assertThat(store.readAll(0, 10)).extracting(EventEnvelope::streamId).containsExactly("a");
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void keyedAndUnkeyedAppendsNumberEventsWithoutHoles(Path path) {
        JpaEventStore store = store(path);
        store.append(request("a", AppendCondition.any(), null, 2));
        store.append(request("a", AppendCondition.streamVersionEq(2), "key-1", 2));
        store.append(request("b", AppendCondition.noStream(), null, 3));
        store.append(request("a", AppendCondition.streamVersionEq(4), "key-2", 1));
        store.append(request("a", AppendCondition.streamVersionEq(5), null, 1));

        assertThat(store.readAll(0, 100)).extracting(EventEnvelope::globalPosition)
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(store.readStream("a", 1, 100)).extracting(EventEnvelope::streamVersion)
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(store.headPosition()).isEqualTo(9);
    }

    @Test
    void anAppendAloneGoesToTheDatabaseOnceAndWithAnInlineListenerWithItsCommit() {
        TestDatabase.POSTGRESQL.freshStore();
        JpaEventStore store = store(countingTransactions());
        store.append(request("warm-up", AppendCondition.any(), null, 1));

        counting.executions().clear();
        store.append(request("alone", AppendCondition.noStream(), null, 1));
        List<CountingDataSource.Execution> alone = new ArrayList<>(counting.executions());

        store.subscribeInline(appended -> { });
        counting.executions().clear();
        store.append(request("in-transaction", AppendCondition.noStream(), null, 1));
        List<CountingDataSource.Execution> inTransaction = new ArrayList<>(counting.executions());

        assertThat(alone).singleElement().satisfies(trip -> {
            assertThat(trip.sql()).startsWith("SELECT allframe_take_positions(")
                    .contains("INSERT INTO allframe_events");
            assertThat(trip.how()).isEqualTo("single");
        });
        assertThat(inTransaction).hasSize(2).last().isEqualTo(CountingDataSource.Execution.COMMIT);
        assertThat(store.readAll(0, 10)).extracting(EventEnvelope::streamId)
                .containsExactly("warm-up", "alone", "in-transaction");
    }

    /**
     * Under JTA on a thread without a transaction (a request of its own), an append alone is the same one trip in
     * autocommit mode, without a JTA transaction's begin and commit, and is reported committed.
     */
    @Test
    void underJtaWithoutATransactionAnAppendAloneGoesToTheDatabaseOnceWithoutAJtaTransaction() {
        TestDatabase.POSTGRESQL.freshStore();
        countingTransactions();
        RecordingUserTransaction userTransaction = new RecordingUserTransaction();
        JpaEventStore store = store(new JtaTransactions(factory, userTransaction, new NoJtaTransaction()));
        store.headPosition();

        counting.executions().clear();
        AppendResult appended = store.append(request("alone", AppendCondition.noStream(), null, 1));

        assertThat(counting.executions()).singleElement().satisfies(trip -> {
            assertThat(trip.sql()).startsWith("SELECT allframe_take_positions(")
                    .contains("INSERT INTO allframe_events");
            assertThat(trip.how()).isEqualTo("single");
        });
        assertThat(userTransaction.calls).isEmpty();
        assertThat(appended.committed()).isTrue();
        assertThat(TestDatabase.POSTGRESQL.freshStoreKeepingData(EventTypeRegistry.of(List.of(ConformanceEvent.class)))
                .readStream("alone", 1, 10)).extracting(EventEnvelope::eventId)
                .containsExactly(appended.events().get(0).eventId());
    }

    /**
     * An append with a key of a scope (a saga step's command) holds its scope and looks for the key's use and the
     * scope's closing in one trip, then appends and stores its key in one more, and commits; a second use of the key
     * answers the first as a duplicate, and an append to a closed scope is refused.
     */
    @Test
    void aKeyedAppendOfAScopeIsThreeTripsTheHoldAndLookTheAppendWithItsKeyAndTheCommit() {
        TestDatabase.POSTGRESQL.freshStore();
        JpaEventStore store = store(countingTransactions());
        store.append(request("warm-up", AppendCondition.any(), null, 1));
        AppendRequest keyed = request("debit", AppendCondition.noStream(), null, 1);
        AppendRequest scoped = new AppendRequest(keyed.streamId(), keyed.condition(), keyed.events(), "saga-1/1",
                "saga-1/1/execute");

        counting.executions().clear();
        AppendResult first = store.append(scoped);
        List<CountingDataSource.Execution> trips = List.copyOf(counting.executions());
        AppendResult again = store.append(scoped);
        store.closeScope("saga-1/1/execute");
        AppendRequest late = new AppendRequest("credit", AppendCondition.noStream(),
                request("credit", AppendCondition.noStream(), null, 1).events(), "saga-1/2", "saga-1/1/execute");

        assertThat(trips).extracting(CountingDataSource.Execution::sql).satisfiesExactly(
                sql -> assertThat(sql).startsWith("SELECT CAST(pg_advisory_xact_lock_shared(?) AS TEXT);SELECT EXISTS")
                        .contains("allframe_idempotency_keys", "allframe_closed_scopes"),
                sql -> assertThat(sql).startsWith("SELECT allframe_take_positions(")
                        .contains("INSERT INTO allframe_events", "INSERT INTO allframe_idempotency_keys"),
                sql -> assertThat(sql).isEqualTo("COMMIT"));
        assertThat(again.duplicate()).isTrue();
        assertThat(again.events()).isEqualTo(first.events());
        assertThatThrownBy(() -> store.append(late)).isInstanceOf(IdempotencyScopeClosedException.class);
        assertThat(store.readAll(0, 10)).extracting(EventEnvelope::streamId).containsExactly("warm-up", "debit");
    }

    /**
     * The reads of every command and every projection batch: a page of the log is one trip (the readable head and the
     * rows up to it, sent together), a page of a stream one statement.
     */
    @Test
    void aPageOfTheLogAndAPageOfAStreamAreEachOneTripToTheDatabase() {
        TestDatabase.POSTGRESQL.freshStore();
        JpaEventStore store = store(countingTransactions());
        store.append(request("a", AppendCondition.any(), null, 3));
        store.append(request("b", AppendCondition.any(), null, 2));

        counting.executions().clear();
        List<EventEnvelope> log = store.readAll(1, 3);
        List<CountingDataSource.Execution> logTrips = List.copyOf(counting.executions());
        counting.executions().clear();
        LogPage segment = store.readAll(0, 10, "b"::equals);
        List<CountingDataSource.Execution> segmentTrips = List.copyOf(counting.executions());
        counting.executions().clear();
        List<EventEnvelope> stream = store.readStream("a", 2, 10);
        List<CountingDataSource.Execution> streamTrips = List.copyOf(counting.executions());

        assertThat(log).extracting(EventEnvelope::globalPosition).containsExactly(2L, 3L, 4L);
        assertThat(segment.events()).extracting(EventEnvelope::streamId, EventEnvelope::streamVersion)
                .containsExactly(tuple("b", 1L), tuple("b", 2L));
        assertThat(segment.readTo()).isEqualTo(5);
        assertThat(stream).extracting(EventEnvelope::streamVersion).containsExactly(2L, 3L);
        for (List<CountingDataSource.Execution> trips : List.of(logTrips, segmentTrips)) {
            assertThat(trips).singleElement().satisfies(trip -> assertThat(trip.sql())
                    .startsWith("SELECT set_config('allframe.readable', allframe_readable()::text, true);")
                    .contains("FROM allframe_events WHERE global_position > ?"));
        }
        assertThat(streamTrips).singleElement().satisfies(trip -> assertThat(trip.sql())
                .contains("FROM allframe_events WHERE stream_id = ?"));
    }

    /**
     * Eight threads append to streams of their own and to one they share. With one lane, the appends that waited while
     * it wrote share its next commit, and the positions have no hole; with eight lanes writing side by side, an append
     * refused in one lane leaves its positions unused when another lane took positions after them.
     */
    @ParameterizedTest(name = "{0} lanes")
    @ValueSource(ints = {1, 8})
    void appendsWaitingAtTheSameTimeShareACommitAndEachIsCheckedOnItsOwn(int sideBySide) throws Exception {
        TestDatabase.POSTGRESQL.freshStore();
        int threads = 8;
        int appendsEach = 60;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            ResourceLocalTransactions transactions = countingTransactions();
            JpaEventStore store = new JpaEventStore(transactions, Optional.of(transactions.autocommitConnections()),
                    new JsonbEventSerializer(), EventTypeRegistry.of(List.of(ConformanceEvent.class)),
                    Clock.systemUTC(), sideBySide);
            counting.executions().clear();
            CountDownLatch start = new CountDownLatch(1);
            List<Future<int[]>> outcomes = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String own = "own-" + t;
                outcomes.add(pool.submit(() -> {
                    start.await();
                    int conflicts = 0;
                    for (int i = 0; i < appendsEach; i++) {
                        store.append(request(own, AppendCondition.streamVersionEq(i), null, 1));
                        long shared = store.streamVersion("shared");
                        try {
                            store.append(request("shared", AppendCondition.streamVersionEq(shared), null, 1));
                        } catch (ConcurrencyConflictException e) {
                            conflicts++;
                        }
                    }
                    return new int[] {conflicts};
                }));
            }
            start.countDown();
            int conflicts = 0;
            for (Future<int[]> outcome : outcomes) {
                conflicts += outcome.get(120, TimeUnit.SECONDS)[0];
            }

            List<EventEnvelope> all = new ArrayList<>();
            for (List<EventEnvelope> page = store.readAll(0, 1000); !page.isEmpty();
                 page = store.readAll(page.get(page.size() - 1).globalPosition(), 1000)) {
                all.addAll(page);
            }
            int sharedAppended = threads * appendsEach - conflicts;
            assertThat(all).extracting(EventEnvelope::globalPosition).doesNotHaveDuplicates().isSorted();
            if (sideBySide == 1) {
                assertThat(all).extracting(EventEnvelope::globalPosition)
                        .containsExactlyElementsOf(LongStream.rangeClosed(1, all.size()).boxed().toList());
            }
            assertThat(all).hasSize(threads * appendsEach + sharedAppended);
            assertThat(store.readStream("shared", 1, 10_000)).extracting(EventEnvelope::streamVersion)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, sharedAppended).boxed().toList());
            for (int t = 0; t < threads; t++) {
                assertThat(store.streamVersion("own-" + t)).isEqualTo(appendsEach);
            }
            if (sideBySide > 1) {
                return;
            }
            List<CountingDataSource.Execution> trips = List.copyOf(counting.executions());
            long alone = trips.stream().filter(e -> e.sql().contains("CASE WHEN")).count();
            List<CountingDataSource.Execution> batches = trips.stream()
                    .filter(e -> e.sql().contains("NOT EXISTS (SELECT 1 FROM allframe_events WHERE event_id")).toList();
            String raise = "SELECT allframe_take_positions\\(";
            long inBatches = batches.stream().mapToLong(e -> e.sql().split(raise).length - 1).sum();
            long commits = trips.stream().filter(CountingDataSource.Execution.COMMIT::equals).count();
            assertThat(alone + inBatches).as("every append went to the database once")
                    .isEqualTo(threads * appendsEach * 2L);
            assertThat(batches).as("appends that waited together, sent in one trip").isNotEmpty();
            assertThat(commits).as("one commit per shared transaction").isEqualTo(batches.size());
            assertThat(inBatches).isGreaterThanOrEqualTo(2L * batches.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSharedTransactionThatFailsBeforeItsCommitIsRetriedAppendByAppendSoOnlyTheFaultyOneFails() throws Exception {
        JpaEventStore setUp = TestDatabase.POSTGRESQL.freshStore();
        UUID taken = EventIds.next();
        setUp.append(new AppendRequest("first", AppendCondition.noStream(), List.of(new NewEvent(taken,
                "ConformanceEvent", 1, new ConformanceEvent("first", 0), null, null, null)), null));
        CountDownLatch leaderInside = new CountDownLatch(1);
        CountDownLatch leaderGoes = new CountDownLatch(1);
        ResourceLocalTransactions transactions = countingTransactions();
        AutocommitConnections gated = new GatedConnections(transactions.autocommitConnections(), leaderInside,
                leaderGoes);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            JpaEventStore store = store(transactions, gated);
            store.headPosition();
            counting.executions().clear();
            List<Thread> waiting = Collections.synchronizedList(new ArrayList<>());
            Future<?> leader = pool.submit(() -> store.append(request("a", AppendCondition.noStream(), null, 1)));
            assertThat(leaderInside.await(10, TimeUnit.SECONDS)).isTrue();
            Future<?> b = pool.submit(() -> {
                waiting.add(Thread.currentThread());
                return store.append(request("b", AppendCondition.noStream(), null, 1));
            });
            PostgresWaits.awaitParkedInGroupCommit(waiting, 1);
            Future<?> faulty = pool.submit(() -> {
                waiting.add(Thread.currentThread());
                return store.append(new AppendRequest("c", AppendCondition.noStream(), List.of(new NewEvent(taken,
                        "ConformanceEvent", 1, new ConformanceEvent("c", 0), null, null, null)), null));
            });
            PostgresWaits.awaitParkedInGroupCommit(waiting, 2);
            Future<?> d = pool.submit(() -> {
                waiting.add(Thread.currentThread());
                return store.append(request("d", AppendCondition.noStream(), null, 2));
            });
            PostgresWaits.awaitParkedInGroupCommit(waiting, 3);
            leaderGoes.countDown();

            leader.get(10, TimeUnit.SECONDS);
            b.get(10, TimeUnit.SECONDS);
            d.get(10, TimeUnit.SECONDS);
            assertThatThrownBy(() -> faulty.get(10, TimeUnit.SECONDS)).cause()
                    .isInstanceOf(DuplicateEventIdException.class)
                    .hasMessage("AF1188: Append to stream 'c' refused: its event id " + taken + " is the id of an event"
                            + " stored before; nothing was stored");
            List<CountingDataSource.Execution> trips = List.copyOf(counting.executions());
            assertThat(trips.stream().filter(e -> e.sql().contains("NOT EXISTS (SELECT 1 FROM allframe_events"))
                    .map(e -> e.sql().split("SELECT allframe_take_positions\\(").length - 1))
                    .as("the three that waited, in one transaction").containsExactly(3);
            assertThat(trips).as("which rolled back").doesNotContain(CountingDataSource.Execution.COMMIT);
            assertThat(trips.stream().filter(e -> e.sql().contains("CASE WHEN")).count())
                    .as("the leader alone, then the three again one by one").isEqualTo(4);
            List<EventEnvelope> log = store.readAll(0, 100);
            assertThat(log).extracting(EventEnvelope::streamId).containsExactly("first", "a", "b", "d", "d");
            assertThat(log).as("the positions the rolled-back transaction took stay unused")
                    .extracting(EventEnvelope::globalPosition).startsWith(1L, 2L).isSorted().doesNotHaveDuplicates();
            assertThat(store.streamVersion("c")).isZero();
            assertThat(store.headPosition()).isEqualTo(log.get(log.size() - 1).globalPosition());
        } finally {
            leaderGoes.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void anAppendWithAnIdLongerThanTheStoreKeepsIsRefusedBeforeItJoinsOthersWhichCommitOnceTogether()
            throws Exception {
        TestDatabase.POSTGRESQL.freshStore();
        CountDownLatch leaderInside = new CountDownLatch(1);
        CountDownLatch leaderGoes = new CountDownLatch(1);
        ResourceLocalTransactions transactions = countingTransactions();
        AutocommitConnections gated = new GatedConnections(transactions.autocommitConnections(), leaderInside,
                leaderGoes);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            JpaEventStore store = store(transactions, gated);
            store.headPosition();
            counting.executions().clear();
            List<Thread> waiting = Collections.synchronizedList(new ArrayList<>());
            Future<?> leader = pool.submit(() -> store.append(request("a", AppendCondition.noStream(), null, 1)));
            assertThat(leaderInside.await(10, TimeUnit.SECONDS)).isTrue();
            Future<?> b = pool.submit(() -> {
                waiting.add(Thread.currentThread());
                return store.append(request("b", AppendCondition.noStream(), null, 1));
            });
            Future<?> overLong = pool.submit(() -> store.append(new AppendRequest("c", AppendCondition.noStream(),
                    List.of(new NewEvent(EventIds.next(), "ConformanceEvent", 1, new ConformanceEvent("c", 0),
                            "r".repeat(300), null, null)), null)));
            Future<?> d = pool.submit(() -> {
                waiting.add(Thread.currentThread());
                return store.append(request("d", AppendCondition.noStream(), null, 2));
            });
            PostgresWaits.awaitParkedInGroupCommit(waiting, 2);
            leaderGoes.countDown();

            leader.get(10, TimeUnit.SECONDS);
            b.get(10, TimeUnit.SECONDS);
            d.get(10, TimeUnit.SECONDS);
            Throwable refused = catchThrowable(() -> overLong.get(10, TimeUnit.SECONDS));
            assertThat(refused).cause().isInstanceOf(UnstorableValueException.class)
                    .hasMessage("AF1186: Append to stream 'c' refused: its correlation id is 300 characters long,"
                            + " more than the 200 every event store keeps; nothing was stored");
            List<CountingDataSource.Execution> trips = List.copyOf(counting.executions());
            assertThat(trips.stream().filter(e -> e.sql().contains("NOT EXISTS (SELECT 1 FROM allframe_events"))
                    .map(e -> e.sql().split("SELECT allframe_take_positions\\(").length - 1))
                    .as("the two good ones that waited, in one transaction").containsExactly(2);
            assertThat(trips).as("which committed once").containsOnlyOnce(CountingDataSource.Execution.COMMIT);
            assertThat(trips.stream().filter(e -> e.sql().contains("CASE WHEN")).count())
                    .as("the leader alone, and no append tried again").isEqualTo(1);
            List<EventEnvelope> stored = store.readAll(0, 100);
            assertThat(stored).extracting(EventEnvelope::streamId, EventEnvelope::streamVersion)
                    .containsExactlyInAnyOrder(tuple("a", 1L), tuple("b", 1L), tuple("d", 1L), tuple("d", 2L));
            assertThat(stored).extracting(EventEnvelope::globalPosition).containsExactly(1L, 2L, 3L, 4L);
            assertThat(store.streamVersion("c")).isZero();
        } finally {
            leaderGoes.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void anErrorThatStopsTheThreadWritingSharedAppendsFailsTheOthersInsteadOfLeavingThemWaiting() throws Exception {
        TestDatabase.POSTGRESQL.freshStore();
        CountDownLatch leaderInside = new CountDownLatch(1);
        CountDownLatch leaderGoes = new CountDownLatch(1);
        ResourceLocalTransactions transactions = TestDatabase.POSTGRESQL.transactions();
        AutocommitConnections gated = new GatedConnections(transactions.autocommitConnections(), leaderInside,
                leaderGoes, () -> {
                    throw new AssertionError("the connection pool broke down");
                });
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            JpaEventStore store = store(transactions, gated);
            store.headPosition();
            List<Thread> waiting = Collections.synchronizedList(new ArrayList<>());
            Future<?> leader = pool.submit(() -> store.append(request("a", AppendCondition.noStream(), null, 1)));
            assertThat(leaderInside.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<?>> others = new ArrayList<>();
            for (String stream : List.of("b", "c")) {
                others.add(pool.submit(() -> {
                    waiting.add(Thread.currentThread());
                    return store.append(request(stream, AppendCondition.noStream(), null, 1));
                }));
            }
            PostgresWaits.awaitParkedInGroupCommit(waiting, 2);
            leaderGoes.countDown();

            leader.get(10, TimeUnit.SECONDS);
            List<Throwable> failures = new ArrayList<>();
            for (Future<?> other : others) {
                try {
                    other.get(10, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    failures.add(e.getCause());
                }
            }
            assertThat(failures).hasSize(2).anySatisfy(e -> assertThat(e).isInstanceOf(AssertionError.class)
                    .hasMessage("the connection pool broke down")).anySatisfy(e -> assertThat(e)
                    .isInstanceOf(EventStoreException.class).hasMessage("AF2024: The append did not finish: the"
                            + " thread writing it together with other appends failed with java.lang.AssertionError:"
                            + " the connection pool broke down; whether it was stored is unknown until the stream"
                            + " is read"));
            assertThat(store.readAll(0, 10)).extracting(EventEnvelope::streamId).containsExactly("a");
            assertThat(store.append(request("d", AppendCondition.noStream(), null, 1)).events())
                    .extracting(EventEnvelope::globalPosition).containsExactly(2L);
        } finally {
            leaderGoes.countDown();
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void aTaggedAppendUnderAQueryConditionGoesToTheDatabaseOnceWithItsTagsRows(Path path) {
        JpaEventStore store = countingStore(path);
        store.append(new AppendRequest("course-c1", AppendCondition.any(), List.of(seat("c1", "s1")), null));
        long seen = store.headPosition();
        EventQuery query = EventQuery.of(QueryItem.tagged("course:c1").withTypes(SEAT));

        List<CountingDataSource.Execution> trips = trips(() -> store.append(new AppendRequest("course-c1",
                AppendCondition.streamVersionEq(1), List.of(seat("c1", "s2"), note("aside", "course:c1", "term:t1")),
                null).onlyIf(new QueryCondition(query, seen))));

        assertThat(trips).hasSize(path == Path.ALONE ? 1 : 2).first().satisfies(trip -> {
            assertThat(trip.sql()).startsWith(appendBegins(path, true))
                    .contains("INSERT INTO allframe_events", "INSERT INTO allframe_event_tags",
                            "NOT EXISTS (SELECT q.global_position FROM allframe_event_tags q WHERE q.tag = ?");
            assertThat(trip.how()).isEqualTo("single");
        });
        if (path == Path.IN_TRANSACTION) {
            assertThat(trips).last().isEqualTo(CountingDataSource.Execution.COMMIT);
        }
        assertThat(tagRows()).containsExactly("course:c1@1:ConformanceSeat", "student:s1@1:ConformanceSeat",
                "course:c1@2:ConformanceSeat", "student:s2@2:ConformanceSeat", "course:c1@3:ConformanceEvent",
                "term:t1@3:ConformanceEvent");
        List<String> tagsColumn = TestDatabase.POSTGRESQL.transactions().read(em -> em.createNativeQuery(
                "SELECT tags FROM allframe_events ORDER BY global_position", String.class).getResultList());
        assertThat(tagsColumn).containsExactly("[\"course:c1\",\"student:s1\"]", "[\"course:c1\",\"student:s2\"]",
                        "[\"course:c1\",\"term:t1\"]");
        assertThat(store.read(EventQuery.tagged("course:c1"), 0, 10)).extracting(EventEnvelope::globalPosition,
                EventEnvelope::streamVersion).containsExactly(tuple(1L, 1L), tuple(2L, 2L), tuple(3L, 3L));
        assertThat(store.read(EventQuery.tagged("course:c1"), 0, 10).get(2).tags())
                .containsExactly("course:c1", "term:t1");
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void aRefusedQueryConditionStoresNothingAndNamesTheFirstEventThatMatches(Path path) {
        JpaEventStore store = countingStore(path);
        store.append(new AppendRequest("course-c1", AppendCondition.any(), List.of(seat("c1", "s1")), null));
        long seen = store.headPosition();
        store.append(new AppendRequest("notes", AppendCondition.any(), List.of(note("not a seat", "course:c1")),
                null));
        store.append(new AppendRequest("course-c1", AppendCondition.any(), List.of(seat("c1", "s2")), null));
        store.append(new AppendRequest("course-c1", AppendCondition.any(), List.of(seat("c1", "s3")), null));
        List<String> tagsBefore = tagRows();
        EventQuery query = EventQuery.of(QueryItem.tagged("course:c1").withTypes(SEAT));
        AppendRequest refused = new AppendRequest("course-c1", AppendCondition.streamVersionEq(3),
                List.of(seat("c1", "s4"), seat("c1", "s5")), null).onlyIf(new QueryCondition(query, seen));

        List<CountingDataSource.Execution> trips = trips(() -> assertThatThrownBy(() -> store.append(refused))
                .isExactlyInstanceOf(QueryConflictException.class)
                .hasMessage("AF1174: The append to stream 'course-c1' was decided over events of types"
                        + " [ConformanceSeat] tagged [course:c1] up to position 1, but the event at position 3 (type"
                        + " 'ConformanceSeat' in stream 'course-c1') matches that query; nothing was stored"));

        assertThat(trips).first().satisfies(trip -> assertThat(trip.sql())
                .startsWith(appendBegins(path, true))
                .contains("INSERT INTO allframe_event_tags"));
        if (path == Path.ALONE) {
            assertThat(trips).as("the append, failed, then its positions given back, then the first match read")
                    .hasSize(3).satisfies(
                            trip -> assertThat(trip.sql()).startsWith("SELECT CAST(allframe_give_back("), atIndex(1))
                    .last().satisfies(trip -> assertThat(trip.sql()).contains("SELECT f.global_position, f.type_name"));
        } else {
            assertThat(trips).as("the append, then back to its savepoint (its part removed, its hold on its"
                    + " positions ended), its positions given back and the refusal read, in one trip").hasSize(2)
                    .last().satisfies(trip -> assertThat(trip.sql())
                            .startsWith("ROLLBACK TO SAVEPOINT allframe_append;\nRELEASE SAVEPOINT allframe_append;\n"
                                    + "SELECT CAST(allframe_give_back(")
                            .contains("SELECT f.global_position, f.type_name, f.stream_id"));
        }
        assertThat(store.headPosition()).isEqualTo(4);
        assertThat(store.readAll(0, 100)).hasSize(4);
        assertThat(store.streamVersion("course-c1")).isEqualTo(3);
        assertThat(tagRows()).isEqualTo(tagsBefore).hasSize(7);
        Throwable portable = catchThrowable(() -> store.append(new AppendRequest("course-c1",
                AppendCondition.streamVersionEq(3), refused.events(), "portable").onlyIf(refused.queryCondition())));
        assertThat(portable).as("what the portable path says").isExactlyInstanceOf(QueryConflictException.class)
                .hasMessage(catchThrowable(() -> store.append(refused)).getMessage());
        assertThat(store.append(new AppendRequest("course-c1", AppendCondition.streamVersionEq(3),
                List.of(seat("c1", "s4")), null).onlyIf(new QueryCondition(query, 4))).events())
                .extracting(EventEnvelope::globalPosition, EventEnvelope::streamVersion).containsExactly(tuple(5L, 4L));
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void aTaggedAppendRefusedForItsStreamVersionIsAConcurrencyConflictWhateverItsQuery(Path path) {
        JpaEventStore store = countingStore(path);
        store.append(new AppendRequest("course-c1", AppendCondition.any(), List.of(seat("c1", "s1")), null));
        store.append(new AppendRequest("course-c1", AppendCondition.any(), List.of(seat("c1", "s2")), null));
        List<String> tagsBefore = tagRows();

        for (QueryCondition condition : new QueryCondition[] {null,
                new QueryCondition(EventQuery.tagged("course:c1"), 0),
                new QueryCondition(EventQuery.tagged("course:c1"), 3)}) {
            AppendRequest request = new AppendRequest("course-c1", AppendCondition.streamVersionEq(1),
                    List.of(seat("c1", "s3")), null);
            AppendRequest conditioned = condition == null ? request : request.onlyIf(condition);
            List<CountingDataSource.Execution> trips = trips(() -> assertThatThrownBy(() -> store.append(conditioned))
                    .as("query condition %s", condition).isExactlyInstanceOf(ConcurrencyConflictException.class)
                    .hasMessage("AF1104: Stream 'course-c1' is at version 2, but the append expected version 1"));
            assertThat(trips).first().satisfies(trip -> assertThat(trip.sql())
                    .startsWith(appendBegins(path, condition != null))
                    .contains("INSERT INTO allframe_event_tags"));
        }

        assertThat(store.headPosition()).isEqualTo(2);
        assertThat(store.readAll(0, 100)).hasSize(2);
        assertThat(tagRows()).isEqualTo(tagsBefore);
    }

    /**
     * Queries of every shape (one tag or more, with types or not, items without tags, every event), after positions
     * before and after what they match: each append is refused exactly when an event matching the query is stored
     * after the position, naming the first, as the portable path names it.
     */
    @ParameterizedTest
    @EnumSource(Path.class)
    void everyShapeOfQueryIsCheckedOnTheDatabaseAsThePortablePathChecksIt(Path path) {
        JpaEventStore store = countingStore(path);
        store.append(new AppendRequest("course-c1", AppendCondition.any(), List.of(seat("c1", "s1"),
                seat("c1", "s2")), null));
        store.append(new AppendRequest("course-c2", AppendCondition.any(), List.of(seat("c2", "s1")), null));
        store.append(new AppendRequest("notes", AppendCondition.any(), List.of(note("a", "course:c1", "student:s1",
                "term:t1"), note("b")), null));
        List<EventQuery> queries = List.of(EventQuery.tagged("course:c1"), EventQuery.tagged("student:s1", "course:c1"),
                EventQuery.tagged("course:c1", "student:s1", "term:t1"),
                EventQuery.of(QueryItem.tagged("course:c1").withTypes(SEAT)),
                EventQuery.of(QueryItem.tagged("course:c2", "student:s1").withTypes(SEAT, "ConformanceEvent")),
                EventQuery.of(QueryItem.ofTypes("ConformanceEvent")),
                EventQuery.of(QueryItem.ofTypes(SEAT, "ConformanceEvent")),
                EventQuery.of(QueryItem.tagged("term:t1"), QueryItem.tagged("course:c2").withTypes(SEAT),
                        QueryItem.ofTypes("ConformanceEvent")),
                EventQuery.all(), EventQuery.of(QueryItem.tagged("course:c9"), new QueryItem(Set.of(), Set.of())),
                EventQuery.tagged("course:c9"), EventQuery.tagged("course:c1", "student:s9"));
        int refusals = 0;
        int appended = 0;
        for (EventQuery query : queries) {
            for (long after : new long[] {0, 2, 3, 4, 5, 6, 100}) {
                List<EventEnvelope> log = store.readAll(0, 1_000);
                Optional<EventEnvelope> first = log.stream().filter(event -> event.globalPosition() > after
                        && query.matches(event.typeName(), event.tags())).findFirst();
                AppendRequest request = new AppendRequest("probes", AppendCondition.any(),
                        List.of(note("probe", "probe:" + (refusals + appended))), null)
                        .onlyIf(new QueryCondition(query, after));
                counting.executions().clear();
                Throwable thrown = catchThrowable(() -> store.append(request));
                assertThat(counting.executions()).first().satisfies(trip -> assertThat(trip.sql())
                        .startsWith(appendBegins(path, true)));
                if (first.isPresent()) {
                    refusals++;
                    assertThat(thrown).as("%s after %s", query, after).isExactlyInstanceOf(QueryConflictException.class)
                            .hasMessage(new QueryConflictException("probes", query, after,
                                    first.get().globalPosition(), first.get().typeName(), first.get().streamId())
                                    .getMessage())
                            .hasMessage(catchThrowable(() -> store.append(new AppendRequest("probes",
                                    AppendCondition.any(), request.events(), "portable")
                                    .onlyIf(request.queryCondition()))).getMessage());
                    assertThat(store.readAll(0, 1_000)).hasSameSizeAs(log);
                } else {
                    appended++;
                    assertThat(thrown).as("%s after %s", query, after).isNull();
                    assertThat(store.readAll(0, 1_000)).hasSize(log.size() + 1);
                }
            }
        }
        assertThat(refusals).isEqualTo(42);
        assertThat(appended).isEqualTo(42);
        assertThat(store.headPosition()).isEqualTo(5 + appended);
        assertThat(tagRows()).hasSize(9 + appended);
    }

    /**
     * Six appends wait together while a seventh is written. A shared transaction takes one append with a query
     * condition, first, so that it waits for lower positions before the transaction holds any (see
     * {@code WaitingAppendsTest}), and the appends without one: those three share one commit, and each is checked
     * against what is stored before it, in this transaction too, as on its own; the others go one by one. One whose
     * query matches an event another of them stored is refused, naming that event; one refused for its stream's
     * version is a concurrency conflict; neither leaves a trace that the next ones could see.
     */
    @Test
    void aSharedCommitTakesOneQueryConditionFirstAndARefusalLeavesTheOthersAlone() throws Exception {
        JpaEventStore setUp = TestDatabase.POSTGRESQL.freshStore(seatsAndEvents());
        setUp.append(new AppendRequest("course-c1", AppendCondition.any(), List.of(seat("c1", "s1")), null));
        CountDownLatch leaderInside = new CountDownLatch(1);
        CountDownLatch leaderGoes = new CountDownLatch(1);
        ResourceLocalTransactions transactions = countingTransactions();
        AutocommitConnections gated = new GatedConnections(transactions.autocommitConnections(), leaderInside,
                leaderGoes);
        ExecutorService pool = Executors.newFixedThreadPool(7);
        try {
            JpaEventStore store = new JpaEventStore(transactions, Optional.of(gated), new JsonbEventSerializer(),
                    seatsAndEvents(), Clock.systemUTC(), 1);
            store.headPosition();
            counting.executions().clear();
            EventQuery courseSeats = EventQuery.of(QueryItem.tagged("course:c1").withTypes(SEAT));
            Future<?> leader = pool.submit(() -> store.append(new AppendRequest("a", AppendCondition.noStream(),
                    List.of(note("leader", "course:c3")), null)));
            assertThat(leaderInside.await(10, TimeUnit.SECONDS)).isTrue();
            List<Thread> waiting = Collections.synchronizedList(new ArrayList<>());
            List<AppendRequest> queued = List.of(
                    new AppendRequest("student-s2", AppendCondition.noStream(), List.of(seat("c1", "s2")), null)
                            .onlyIf(new QueryCondition(courseSeats, 1)),
                    new AppendRequest("student-s3", AppendCondition.noStream(), List.of(seat("c2", "s3")), null)
                            .onlyIf(new QueryCondition(courseSeats, 1)),
                    new AppendRequest("course-c1", AppendCondition.noStream(), List.of(seat("c1", "s4")), null),
                    new AppendRequest("student-s5", AppendCondition.any(), List.of(seat("c2", "s5")), null)
                            .onlyIf(new QueryCondition(EventQuery.tagged("course:c2"), 1)),
                    new AppendRequest("plain", AppendCondition.noStream(), List.of(note("plain")), null),
                    new AppendRequest("student-s6", AppendCondition.any(), List.of(seat("c3", "s6")), null)
                            .onlyIf(new QueryCondition(EventQuery.tagged("course:c3"), 2)));
            List<Future<?>> outcomes = new ArrayList<>();
            for (AppendRequest request : queued) {
                outcomes.add(pool.submit(() -> {
                    waiting.add(Thread.currentThread());
                    return store.append(request);
                }));
                PostgresWaits.awaitParkedInGroupCommit(waiting, outcomes.size());
            }
            leaderGoes.countDown();

            leader.get(10, TimeUnit.SECONDS);
            assertThat(outcomes.get(0).get(10, TimeUnit.SECONDS)).isNotNull();
            assertThatThrownBy(() -> outcomes.get(1).get(10, TimeUnit.SECONDS)).cause()
                    .isExactlyInstanceOf(QueryConflictException.class)
                    .hasMessage("AF1174: The append to stream 'student-s3' was decided over events of types"
                            + " [ConformanceSeat] tagged [course:c1] up to position 1, but the event at position 3"
                            + " (type 'ConformanceSeat' in stream 'student-s2') matches that query; nothing was stored");
            assertThatThrownBy(() -> outcomes.get(2).get(10, TimeUnit.SECONDS)).cause()
                    .isExactlyInstanceOf(ConcurrencyConflictException.class)
                    .hasMessage("AF1104: Stream 'course-c1' is at version 1, but the append expected no stream"
                            + " (version 0)");
            for (int i = 3; i < 6; i++) {
                assertThat(outcomes.get(i).get(10, TimeUnit.SECONDS)).isNotNull();
            }
            List<CountingDataSource.Execution> trips = List.copyOf(counting.executions());
            assertThat(trips.stream().filter(e -> e.sql().contains("NOT EXISTS (SELECT 1 FROM allframe_events"))
                    .map(e -> e.sql().split("SELECT allframe_take_positions\\(").length - 1))
                    .as("the first with a query condition and the two without, in one transaction")
                    .containsExactly(3);
            assertThat(trips).as("which committed once").containsOnlyOnce(CountingDataSource.Execution.COMMIT);
            assertThat(trips.stream().filter(e -> e.sql().contains("CASE WHEN")).count())
                    .as("the leader and the other three with a query condition alone, no append tried again")
                    .isEqualTo(4);
            assertThat(store.readAll(0, 100)).extracting(EventEnvelope::streamId, EventEnvelope::globalPosition)
                    .containsExactly(tuple("course-c1", 1L), tuple("a", 2L), tuple("student-s2", 3L),
                            tuple("plain", 4L), tuple("student-s5", 5L), tuple("student-s6", 6L));
            assertThat(store.headPosition()).isEqualTo(6);
            assertThat(tagRows()).containsExactly("course:c1@1:ConformanceSeat", "student:s1@1:ConformanceSeat",
                    "course:c3@2:ConformanceEvent", "course:c1@3:ConformanceSeat", "student:s2@3:ConformanceSeat",
                    "course:c2@5:ConformanceSeat", "student:s5@5:ConformanceSeat", "course:c3@6:ConformanceSeat",
                    "student:s6@6:ConformanceSeat");
        } finally {
            leaderGoes.countDown();
            pool.shutdownNow();
        }
    }

    /**
     * Autocommit connections whose first work waits, inside, until the test lets it go; the second runs
     * {@code second} first.
     */
    private static final class GatedConnections implements AutocommitConnections {

        private final AutocommitConnections real;
        private final CountDownLatch inside;
        private final CountDownLatch goes;
        private final Runnable second;
        private final AtomicInteger calls = new AtomicInteger();

        GatedConnections(AutocommitConnections real, CountDownLatch inside, CountDownLatch goes) {
            this(real, inside, goes, () -> { });
        }

        GatedConnections(AutocommitConnections real, CountDownLatch inside, CountDownLatch goes, Runnable second) {
            this.real = real;
            this.inside = inside;
            this.goes = goes;
            this.second = second;
        }

        @Override
        public <T> T autocommit(JdbcWork<T> work) {
            int call = calls.incrementAndGet();
            if (call == 2) {
                second.run();
            }
            if (call == 1) {
                inside.countDown();
                try {
                    goes.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            return real.autocommit(work);
        }
    }

    private static final String SEAT = "ConformanceSeat";

    private static EventTypeRegistry seatsAndEvents() {
        return EventTypeRegistry.of(List.of(ConformanceEvent.class, ConformanceSeat.class));
    }

    /**
     * An empty store of seats and events over a unit whose connections record what they send, which has appended
     * before (so that what it asks the database once is asked), taking {@code path}.
     */
    private JpaEventStore countingStore(Path path) {
        TestDatabase.POSTGRESQL.freshStore();
        JpaEventStore store = new JpaEventStore(countingTransactions(), new JsonbEventSerializer(), seatsAndEvents(),
                Clock.systemUTC());
        if (path == Path.IN_TRANSACTION) {
            store.subscribeInline(appended -> { });
        }
        store.append(request("warm-up", AppendCondition.any(), null, 1));
        TestDatabase.POSTGRESQL.execute("DELETE FROM allframe_events", "SELECT setval('allframe_positions', 0)");
        return store;
    }

    /**
     * How the statement of an append taking {@code path} begins: in a transaction, one with a query condition first
     * sets a savepoint, to go back to when it is refused or has to take new positions.
     */
    private static String appendBegins(Path path, boolean query) {
        return (path == Path.IN_TRANSACTION && query ? "SAVEPOINT allframe_append;\n" : "")
                + "SELECT allframe_take_positions(";
    }

    /** What {@code work} sent to the database through {@link #counting}. */
    private List<CountingDataSource.Execution> trips(Runnable work) {
        counting.executions().clear();
        work.run();
        List<CountingDataSource.Execution> trips = List.copyOf(counting.executions());
        counting.executions().clear();
        return trips;
    }

    /** The rows of the tags' table, as {@code tag@position:type}, by position and tag. */
    private static List<String> tagRows() {
        return TestDatabase.POSTGRESQL.transactions().<List<String>>read(em -> em.createNativeQuery("SELECT tag || '@' ||"
                        + " global_position || ':' || type_name FROM allframe_event_tags ORDER BY global_position, tag",
                String.class).getResultList());
    }

    /** A seat of {@code student} in {@code course}, tagged with both. */
    private static NewEvent seat(String course, String student) {
        return new NewEvent(EventIds.next(), SEAT, 1, new ConformanceSeat(course, student), null, null, Map.of(),
                new LinkedHashSet<>(List.of("course:" + course, "student:" + student)));
    }

    /** A {@code ConformanceEvent} carrying {@code tags}. */
    private static NewEvent note(String text, String... tags) {
        return new NewEvent(EventIds.next(), "ConformanceEvent", 1, new ConformanceEvent(text, 0), null, null,
                Map.of(), new LinkedHashSet<>(List.of(tags)));
    }

    private static AppendRequest request(String stream, AppendCondition condition, String key, int events) {
        List<NewEvent> list = IntStream.range(0, events)
                .mapToObj(i -> new NewEvent(EventIds.next(), "ConformanceEvent", 1, new ConformanceEvent(stream, i),
                        null, null, null))
                .toList();
        return new AppendRequest(stream, condition, list, key);
    }
}
