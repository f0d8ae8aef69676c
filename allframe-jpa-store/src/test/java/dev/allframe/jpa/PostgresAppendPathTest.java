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
import java.util.stream.IntStream;
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

    private static AppendRequest request(String stream, AppendCondition condition, String key, int events) {
        List<NewEvent> list = IntStream.range(0, events)
                .mapToObj(i -> new NewEvent(EventIds.next(), "ConformanceEvent", 1, new ConformanceEvent(stream, i),
                        null, null, null))
                .toList();
        return new AppendRequest(stream, condition, list, key);
    }
}
