package dev.allframe.jpa.internal;

import static dev.allframe.jpa.PostgresWaits.awaitWaiting;
import static dev.allframe.jpa.PostgresWaits.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.EventStoreException;
import dev.allframe.core.EventIds;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.event.EventQuery;
import dev.allframe.jpa.JsonbEventSerializer;
import dev.allframe.jpa.PostgresCondition.RequiresPostgres;
import dev.allframe.jpa.PostgresWaits;
import dev.allframe.jpa.TestDatabase;
import dev.allframe.spi.conformance.ConformanceSeat;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.AppendRequest;
import dev.allframe.spi.event.NewEvent;
import dev.allframe.spi.event.QueryCondition;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A transaction that appended before and then appends with a query condition may wait for another transaction's
 * append, at positions between, which waits for its first append: the database ends the circle by failing one of
 * them. When it is the append's, the append says so with an ID, the transaction's to roll back.
 */
@RequiresPostgres
class AppendDeadlockTest {

    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void anAppendFailedByTheDatabaseToEndADeadlockSaysSoWithAnId() throws Exception {
        EventTypeRegistry seats = EventTypeRegistry.of(List.of(ConformanceSeat.class));
        TestDatabase.POSTGRESQL.freshStore(seats);
        EventRowMapper mapper = new EventRowMapper(new JsonbEventSerializer(), seats);
        PostgresAppender appender = new PostgresAppender(new PostgresStatements(mapper, 64));
        try (Connection mine = PostgresWaits.transaction(); Connection other = PostgresWaits.transaction()) {
            assertThat(take(mine, false)).as("this transaction's first append").isEqualTo(1);
            try (Statement patient = other.createStatement()) {
                patient.execute("SET deadlock_timeout = '10min'");
            }
            Future<Long> otherTakes = pool.submit(() -> take(other, true));
            awaitWaiting("advisory", 1, "the other transaction's append waits for position 1");

            AppendRequest request = new AppendRequest("seats", AppendCondition.any(), List.of(new NewEvent(
                    EventIds.next(), "ConformanceSeat", 1, new ConformanceSeat("c1", "s1"), null, null, Map.of(),
                    Set.of("course:c1"))), null).onlyIf(new QueryCondition(EventQuery.tagged("course:c1"), 0));
            assertThatThrownBy(() -> appender.append(mine, mapper.prepare(request, Instant.now())))
                    .isExactlyInstanceOf(EventStoreException.class)
                    .hasMessage("AF2065: The append to stream 'seats' waited for the transaction of an append holding"
                            + " lower positions, which waited in turn for this transaction (a deadlock: a transaction"
                            + " that appended before appends with a query condition): the database failed this"
                            + " transaction to end it; roll it back and retry the work in a new transaction")
                    .cause().isInstanceOfSatisfying(SQLException.class,
                            e -> assertThat(e.getSQLState()).isEqualTo("40P01"));

            mine.rollback();
            assertThat(otherTakes.get(30, TimeUnit.SECONDS)).as("the other transaction's position").isEqualTo(2);
            other.rollback();
        }
    }
}
