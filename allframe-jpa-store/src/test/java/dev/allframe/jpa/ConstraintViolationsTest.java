package dev.allframe.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.allframe.EventEnvelope;
import dev.allframe.EventStoreException;
import dev.allframe.command.DuplicateEventIdException;
import dev.allframe.core.EventIds;
import dev.allframe.spi.conformance.ConformanceEvent;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.AppendRequest;
import dev.allframe.spi.event.NewEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Only a stream version taken by another append is a concurrency conflict. An event id stored before is refused as
 * that, and any other constraint of the database as a refusal naming its SQL state, whatever the append's condition
 * and on every path an append takes (on PostgreSQL: alone, in a transaction with an inline listener, or keyed); the
 * append stores nothing, and the store goes on appending.
 */
class ConstraintViolationsTest {

    /** How the append goes to the database: on PostgreSQL each takes its own path. */
    enum Path {
        ALONE, INLINE, KEYED
    }

    static Stream<Arguments> databasesAndPaths() {
        List<Arguments> all = new ArrayList<>();
        for (TestDatabase database : TestDatabase.values()) {
            for (Path path : Path.values()) {
                all.add(Arguments.of(database, path));
            }
        }
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("databasesAndPaths")
    void anEventIdStoredBeforeIsRefusedAsSuchAndNotAsAConflict(TestDatabase database, Path path) {
        JpaEventStore store = store(database, path);
        UUID taken = EventIds.next();
        store.append(new AppendRequest("a", AppendCondition.noStream(), List.of(event(taken, "first")), null));

        assertThatThrownBy(() -> store.append(new AppendRequest("b", AppendCondition.streamVersionEq(0),
                List.of(event(EventIds.next(), "second"), event(taken, "again")), key(path))))
                .isInstanceOf(DuplicateEventIdException.class)
                .hasMessage("AF1188: Append to stream 'b' refused: its event id " + taken + " is the id of an event"
                        + " stored before; nothing was stored");

        assertNothingStoredFor(database, store, "b", path);
    }

    @ParameterizedTest
    @MethodSource("databasesAndPaths")
    void anotherConstraintOfTheDatabaseIsRefusedAsSuchAndNotAsAConflict(TestDatabase database, Path path) {
        JpaEventStore store = store(database, path);
        store.append(new AppendRequest("a", AppendCondition.noStream(), List.of(event(EventIds.next(), "first")),
                null));
        database.execute("ALTER TABLE allframe_events ADD CONSTRAINT allframe_test_ck CHECK (stream_id <> 'b')");
        try {
            assertThatThrownBy(() -> store.append(new AppendRequest("b", AppendCondition.noStream(),
                    List.of(event(EventIds.next(), "refused")), key(path))))
                    .isInstanceOf(EventStoreException.class)
                    .hasMessage("AF2035: The database refused the append to stream 'b' with SQL state "
                            + checkViolation(database) + " (" + constraint(database) + "), which is no"
                            + " conflict of stream versions; nothing of it was stored");
        } finally {
            database.execute("ALTER TABLE allframe_events DROP CONSTRAINT allframe_test_ck");
        }

        assertNothingStoredFor(database, store, "b", path);
    }

    private static JpaEventStore store(TestDatabase database, Path path) {
        assumeTrue(database != TestDatabase.POSTGRESQL || PostgresCondition.url() != null,
                "PostgreSQL tests skipped: set ALLFRAME_TEST_POSTGRESQL_URL");
        JpaEventStore store = database.freshStore();
        if (path == Path.INLINE) {
            store.subscribeInline(appended -> { });
        }
        return store;
    }

    private static void assertNothingStoredFor(TestDatabase database, JpaEventStore store, String stream, Path path) {
        assertThat(store.readAll(0, 10)).extracting(EventEnvelope::streamId).containsExactly("a");
        assertThat(store.streamVersion(stream)).isZero();
        assertThat(store.findByIdempotencyKey("key-" + stream)).isEmpty();
        long next = store.append(new AppendRequest(stream, AppendCondition.noStream(),
                List.of(event(EventIds.next(), "third")), key(path))).events().get(0).globalPosition();
        if (database == TestDatabase.POSTGRESQL && path != Path.ALONE) {
            // on PostgreSQL a failed statement aborts its transaction, and the positions it took stay unused
            assertThat(next).isGreaterThan(1L);
        } else {
            assertThat(next).isEqualTo(2L);
        }
    }

    private static String key(Path path) {
        return path == Path.KEYED ? "key-b" : null;
    }

    private static String checkViolation(TestDatabase database) {
        return database == TestDatabase.POSTGRESQL ? "23514" : "23513";
    }

    /** The constraint as Hibernate names it, or, where it does not (Derby), the database's message. */
    private static String constraint(TestDatabase database) {
        return switch (database) {
            case POSTGRESQL -> "constraint allframe_test_ck";
            case H2 -> "constraint ALLFRAME_TEST_CK";
            case DERBY -> "The check constraint 'ALLFRAME_TEST_CK' was violated while performing an INSERT or UPDATE"
                    + " on table '\"APP\".\"ALLFRAME_EVENTS\"'.";
        };
    }

    private static NewEvent event(UUID id, String text) {
        return new NewEvent(id, "ConformanceEvent", 1, new ConformanceEvent(text, 0), null, null, null);
    }
}
