package dev.allframe.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.ConcurrencyConflictException;
import dev.allframe.EventEnvelope;
import dev.allframe.core.EventIds;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.eventstore.AppendCondition;
import dev.allframe.eventstore.AppendRequest;
import dev.allframe.eventstore.NewEvent;
import dev.allframe.eventstore.conformance.ConformanceEvent;
import dev.allframe.jpa.PostgresCondition.RequiresPostgres;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
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

    /** Which PostgreSQL path unkeyed appends take. */
    enum Path {
        ALONE, IN_TRANSACTION
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
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(PostgresCondition.url());
        CountingDataSource counting = new CountingDataSource(postgres);
        EntityManagerFactory factory = Persistence.createEntityManagerFactory("allframe-test",
                Map.of("jakarta.persistence.nonJtaDataSource", counting));
        try {
            JpaEventStore store = new JpaEventStore(new ResourceLocalTransactions(factory), new JsonbEventSerializer(),
                    EventTypeRegistry.of(List.of(ConformanceEvent.class)), Clock.systemUTC());
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
        } finally {
            factory.close();
        }
    }

    @Test
    void appendsWaitingAtTheSameTimeShareACommitAndEachIsCheckedOnItsOwn() throws Exception {
        TestDatabase.POSTGRESQL.freshStore();
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(PostgresCondition.url());
        CountingDataSource counting = new CountingDataSource(postgres);
        EntityManagerFactory factory = Persistence.createEntityManagerFactory("allframe-test",
                Map.of("jakarta.persistence.nonJtaDataSource", counting));
        int threads = 8;
        int appendsEach = 60;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            JpaEventStore store = new JpaEventStore(new ResourceLocalTransactions(factory), new JsonbEventSerializer(),
                    EventTypeRegistry.of(List.of(ConformanceEvent.class)), Clock.systemUTC());
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
            long inShared = trips.stream().filter(e -> e.sql().contains("AND (? OR s.version = ?)")).count();
            long commits = trips.stream().filter(CountingDataSource.Execution.COMMIT::equals).count();
            assertThat(alone + inShared).as("every append went to the database once")
                    .isEqualTo(threads * appendsEach * 2L);
            assertThat(commits).as("transactions shared by appends that waited together").isPositive();
            assertThat(inShared).as("appends in shared transactions").isGreaterThanOrEqualTo(2 * commits);
        } finally {
            pool.shutdownNow();
            factory.close();
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
