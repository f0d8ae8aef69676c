package dev.allframe.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.EventEnvelope;
import dev.allframe.EventStoreException;
import dev.allframe.core.EventIds;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.jpa.PostgresCondition.RequiresPostgres;
import dev.allframe.spi.conformance.ConformanceEvent;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.NewEvent;
import dev.allframe.testing.LogCapture;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A PostgreSQL schema an earlier version created numbers its events with the head row alone and lacks the sequence of
 * positions and its functions: the store adds them, starting at the head the schema reached, when it may create the
 * schema, and otherwise refuses to start, saying what to run.
 */
@RequiresPostgres
class PositionsAddedTest {

    private static final String SCHEMA = "allframe_positions_" + ProcessHandle.current().pid();

    @Test
    void aSchemaWithoutTheSequenceOfPositionsIsRefusedUntilTheStoreMayAddItAndThenNumbersOnFromItsHead()
            throws Exception {
        postgres("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE", "CREATE SCHEMA " + SCHEMA);
        String base = PostgresCondition.baseUrl();
        EntityManagerFactory factory = Persistence.createEntityManagerFactory("allframe-test",
                Map.of("jakarta.persistence.jdbc.url", base + (base.contains("?") ? "&" : "?") + "currentSchema="
                        + SCHEMA));
        try (LogCapture log = LogCapture.of(JpaSchema.class)) {
            ResourceLocalTransactions transactions = new ResourceLocalTransactions(factory);
            JpaSchema.createIfMissing(transactions);
            append(new JpaEventStore(transactions, new JsonbEventSerializer(), events(), Clock.systemUTC()), 3);
            // as an earlier version left it: the head row raised with the events, no sequence, no functions
            execute(transactions, "DROP FUNCTION allframe_readable()",
                    "DROP FUNCTION allframe_give_back(INTEGER, BIGINT)",
                    "DROP FUNCTION allframe_take_positions(INTEGER, BOOLEAN)",
                    "DROP FUNCTION allframe_hold_appends()",
                    "DROP FUNCTION allframe_wait_below(BIGINT)",
                    "DROP FUNCTION allframe_position_keys()", "DROP SEQUENCE allframe_positions",
                    "UPDATE allframe_head SET head_position = 3");

            assertThatThrownBy(() -> JpaSchema.requireCurrent(transactions))
                    .isInstanceOf(EventStoreException.class)
                    .hasMessage("AF2063: Schema " + SCHEMA + " lacks the sequence allframe_positions and the functions"
                            + " allframe_position_keys, allframe_wait_below, allframe_take_positions,"
                            + " allframe_hold_appends, allframe_give_back and allframe_readable that this version"
                            + " numbers events with: run"
                            + " the statements of META-INF/allframe/sql/postgresql.sql (in allframe-jpa-store) from"
                            + " CREATE SEQUENCE allframe_positions to the end of allframe_readable, or set"
                            + " allframe.jpa.create-schema=true");
            assertThat(JpaSchema.createIfMissing(transactions)).isFalse();
            JpaSchema.requireCurrent(transactions);

            assertThat(log.linesAbout("AF2064")).containsExactly("INFO AF2064: Added the sequence allframe_positions"
                    + " and its functions to schema " + SCHEMA + " (PostgreSQL): appends no longer wait for each"
                    + " other's commits");
            JpaEventStore store = new JpaEventStore(transactions, new JsonbEventSerializer(), events(),
                    Clock.systemUTC());
            append(store, 1);
            assertThat(store.readAll(0, 10)).extracting(EventEnvelope::globalPosition).containsExactly(1L, 2L, 3L, 4L);
            assertThat(store.headPosition()).isEqualTo(4);
        } finally {
            factory.close();
            postgres("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    private static EventTypeRegistry events() {
        return EventTypeRegistry.of(List.of(ConformanceEvent.class));
    }

    private static void append(JpaEventStore store, int events) {
        for (int i = 0; i < events; i++) {
            store.append("stream", AppendCondition.any(), List.of(new NewEvent(EventIds.next(), "ConformanceEvent", 1,
                    new ConformanceEvent("e", i), null, null, null)));
        }
    }

    private static void execute(ResourceLocalTransactions transactions, String... statements) {
        transactions.write(em -> {
            for (String sql : statements) {
                em.createNativeQuery(sql).executeUpdate();
            }
            return null;
        }, done -> { });
    }

    private static void postgres(String... statements) throws Exception {
        try (Connection connection = DriverManager.getConnection(PostgresCondition.baseUrl());
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
