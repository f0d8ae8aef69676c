package dev.allframe.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import dev.allframe.EventEnvelope;
import dev.allframe.EventStoreException;
import dev.allframe.command.ConcurrencyConflictException;
import dev.allframe.command.DuplicateEventIdException;
import dev.allframe.command.UnstorableValueException;
import dev.allframe.core.EventIds;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.jpa.PostgresCondition.RequiresPostgres;
import dev.allframe.jpa.internal.AutocommitConnections;
import dev.allframe.jpa.internal.JdbcWork;
import dev.allframe.spi.conformance.ConformanceEvent;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.AppendRequest;
import dev.allframe.spi.event.NewEvent;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.postgresql.ds.PGSimpleDataSource;

/**
 * PostgreSQL's own append paths and the portable one, taken by keyed appends, share the head: a refused
 * append leaves no trace in it, and the paths number events on without a hole. An append with nothing else
 * in its transaction runs alone, in autocommit mode; with an inline listener it runs in a transaction.
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

    /** A store over {@code transactions} that appends alone on {@code autocommit}. */
    private static JpaEventStore store(JpaTransactions transactions, AutocommitConnections autocommit) {
        return new JpaEventStore(transactions, Optional.of(autocommit), new JsonbEventSerializer(),
                EventTypeRegistry.of(List.of(ConformanceEvent.class)), Clock.systemUTC());
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
            assertThat(trip.sql()).startsWith("UPDATE allframe_head").contains("INSERT INTO allframe_events");
            assertThat(trip.how()).isEqualTo("single");
        });
        assertThat(inTransaction).hasSize(2).last().isEqualTo(CountingDataSource.Execution.COMMIT);
        assertThat(store.readAll(0, 10)).extracting(EventEnvelope::streamId)
                .containsExactly("warm-up", "alone", "in-transaction");
    }

    @Test
    void appendsWaitingAtTheSameTimeShareACommitAndEachIsCheckedOnItsOwn() throws Exception {
        TestDatabase.POSTGRESQL.freshStore();
        int threads = 8;
        int appendsEach = 60;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            JpaEventStore store = store(countingTransactions());
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
            assertThat(all).extracting(EventEnvelope::globalPosition)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, all.size()).boxed().toList());
            assertThat(all).hasSize(threads * appendsEach + sharedAppended);
            assertThat(store.readStream("shared", 1, 10_000)).extracting(EventEnvelope::streamVersion)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, sharedAppended).boxed().toList());
            for (int t = 0; t < threads; t++) {
                assertThat(store.streamVersion("own-" + t)).isEqualTo(appendsEach);
            }
            List<CountingDataSource.Execution> trips = List.copyOf(counting.executions());
            long alone = trips.stream().filter(e -> e.sql().contains("CASE WHEN")).count();
            List<CountingDataSource.Execution> batches = trips.stream()
                    .filter(e -> e.sql().contains("NOT EXISTS (SELECT 1 FROM allframe_events WHERE event_id")).toList();
            String raise = "UPDATE allframe_head SET head_position = head_position \\+";
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
            Future<?> faulty = pool.submit(() -> {
                waiting.add(Thread.currentThread());
                return store.append(new AppendRequest("c", AppendCondition.noStream(), List.of(new NewEvent(taken,
                        "ConformanceEvent", 1, new ConformanceEvent("c", 0), null, null, null)), null));
            });
            Future<?> d = pool.submit(() -> {
                waiting.add(Thread.currentThread());
                return store.append(request("d", AppendCondition.noStream(), null, 2));
            });
            awaitParkedInGroupCommit(waiting, 3);
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
                    .map(e -> e.sql().split("UPDATE allframe_head SET head_position = head_position \\+").length - 1))
                    .as("the three that waited, in one transaction").containsExactly(3);
            assertThat(trips).as("which rolled back").doesNotContain(CountingDataSource.Execution.COMMIT);
            assertThat(trips.stream().filter(e -> e.sql().contains("CASE WHEN")).count())
                    .as("the leader alone, then the three again one by one").isEqualTo(4);
            assertThat(store.readAll(0, 100)).extracting(EventEnvelope::streamId, EventEnvelope::globalPosition)
                    .containsExactlyInAnyOrder(tuple("first", 1L), tuple("a", 2L), tuple("b", 3L), tuple("d", 4L),
                            tuple("d", 5L));
            assertThat(store.streamVersion("c")).isZero();
            assertThat(store.headPosition()).isEqualTo(5);
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
            awaitParkedInGroupCommit(waiting, 2);
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
                    .map(e -> e.sql().split("UPDATE allframe_head SET head_position = head_position \\+").length - 1))
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
            awaitParkedInGroupCommit(waiting, 2);
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

    /** Waits until {@code count} threads have queued their appends and wait for the appending lock. */
    private static void awaitParkedInGroupCommit(List<Thread> threads, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (threads.size() < count || !threads.stream().allMatch(thread -> thread.getState() == Thread.State.WAITING
                && Arrays.stream(thread.getStackTrace()).anyMatch(frame -> frame.getMethodName().equals("append")
                && frame.getClassName().endsWith("GroupCommit")))) {
            assertThat(System.nanoTime()).as("appends waiting for the lock").isLessThan(deadline);
            Thread.sleep(5);
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

    private static AppendRequest request(String stream, AppendCondition condition, String key, int events) {
        List<NewEvent> list = IntStream.range(0, events)
                .mapToObj(i -> new NewEvent(EventIds.next(), "ConformanceEvent", 1, new ConformanceEvent(stream, i),
                        null, null, null))
                .toList();
        return new AppendRequest(stream, condition, list, key);
    }
}
