package dev.allframe.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.EventStoreException;
import dev.allframe.core.EventIds;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.jpa.PostgresCondition.RequiresPostgres;
import dev.allframe.spi.conformance.ConformanceEvent;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.NewEvent;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * On PostgreSQL, reads of the log and appends need read committed: each statement after the one that finds how far
 * appends ended takes a snapshot of its own. A data source set to a higher level is refused with an ID, naming the
 * level, on every path: appends alone, appends in a transaction, reads; nothing is stored.
 */
@RequiresPostgres
class ReadCommittedTest {

    private EntityManagerFactory factory;

    @AfterEach
    void close() {
        if (factory != null) {
            factory.close();
        }
    }

    @ParameterizedTest
    @CsvSource({"REPEATABLE_READ, repeatable read, false", "SERIALIZABLE, serializable, false",
            "REPEATABLE_READ, repeatable read, true"})
    void anotherIsolationLevelThanReadCommittedIsRefusedNamingIt(String setting, String level, boolean inTransaction) {
        JpaEventStore committed = TestDatabase.POSTGRESQL.freshStore();
        factory = Persistence.createEntityManagerFactory("allframe-test", Map.of(
                "jakarta.persistence.jdbc.url", TestDatabase.POSTGRESQL.jdbcUrl(),
                "hibernate.connection.isolation", String.valueOf(isolation(setting))));
        JpaEventStore store = new JpaEventStore(new ResourceLocalTransactions(factory), new JsonbEventSerializer(),
                EventTypeRegistry.of(List.of(ConformanceEvent.class)), Clock.systemUTC());
        if (inTransaction) {
            store.subscribeInline(appended -> { });
        }
        String message = "AF2066: This transaction runs at isolation level " + level + ", but AllFrame reads and"
                + " appends events on PostgreSQL at read committed (each statement with a snapshot of its own: at a"
                + " higher level a read could pass events committed before it, and a query condition miss them): set"
                + " the data source's isolation level to read committed, PostgreSQL's default; nothing was read or"
                + " stored";

        assertThatThrownBy(() -> store.append("s", AppendCondition.any(), List.of(new NewEvent(EventIds.next(),
                "ConformanceEvent", 1, new ConformanceEvent("s", 0), null, null, null))))
                .isExactlyInstanceOf(EventStoreException.class).hasMessage(message);
        assertThatThrownBy(() -> store.readAll(0, 10)).isExactlyInstanceOf(EventStoreException.class)
                .hasMessage(message);
        assertThat(committed.readAll(0, 10)).as("what a store at read committed reads").isEmpty();
        assertThat(committed.headPosition()).isZero();
    }

    private static int isolation(String setting) {
        return setting.equals("SERIALIZABLE") ? Connection.TRANSACTION_SERIALIZABLE
                : Connection.TRANSACTION_REPEATABLE_READ;
    }
}
