package dev.allframe.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.EventStoreException;
import dev.allframe.core.EventIds;
import dev.allframe.spi.conformance.ConformanceEvent;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.NewEvent;
import dev.allframe.testing.LogCapture;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JpaSchemaTest {

    @Test
    void theTablesAreCreatedOnceAndThenLeftAlone() {
        EntityManagerFactory factory = Persistence.createEntityManagerFactory("allframe-test",
                Map.of("jakarta.persistence.jdbc.url", "jdbc:h2:mem:schema-test;DB_CLOSE_DELAY=-1"));
        try {
            ResourceLocalTransactions transactions = new ResourceLocalTransactions(factory);

            assertThat(JpaSchema.createIfMissing(transactions)).isTrue();
            assertThat(JpaSchema.createIfMissing(transactions)).isFalse();
        } finally {
            factory.close();
        }
    }

    @Test
    void tablesOfTheSameNameInAnotherSchemaDoNotCount() throws Exception {
        String url = "jdbc:h2:mem:schema-elsewhere;DB_CLOSE_DELAY=-1";
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA other");
            statement.execute("CREATE TABLE other.allframe_events (global_position BIGINT PRIMARY KEY)");
        }
        EntityManagerFactory factory = Persistence.createEntityManagerFactory("allframe-test",
                Map.of("jakarta.persistence.jdbc.url", url));
        try {
            ResourceLocalTransactions transactions = new ResourceLocalTransactions(factory);

            assertThat(JpaSchema.createIfMissing(transactions)).isTrue();
            Object head = transactions.read(em -> em.createNativeQuery("SELECT head_position FROM allframe_head")
                    .getSingleResult());
            assertThat(head).isEqualTo(0L);
        } finally {
            factory.close();
        }
    }

    @Test
    void aSchemaMadeWithoutTheLeaseTablesGetsThem() {
        EntityManagerFactory factory = Persistence.createEntityManagerFactory("allframe-test",
                Map.of("jakarta.persistence.jdbc.url", "jdbc:h2:mem:lease-upgrade;DB_CLOSE_DELAY=-1"));
        try (LogCapture log = LogCapture.of(JpaSchema.class)) {
            ResourceLocalTransactions transactions = new ResourceLocalTransactions(factory);
            assertThat(JpaSchema.createIfMissing(transactions)).isTrue();
            transactions.write(em -> em.createNativeQuery("DROP TABLE allframe_projection_leases").executeUpdate()
                    + em.createNativeQuery("DROP TABLE allframe_nodes").executeUpdate(), done -> { });

            assertThat(JpaSchema.createIfMissing(transactions)).isFalse();

            for (String table : List.of("allframe_projection_leases", "allframe_nodes")) {
                Object rows = transactions.read(em -> em.createNativeQuery("SELECT COUNT(*) FROM " + table)
                        .getSingleResult());
                assertThat(rows).isEqualTo(0L);
            }
            assertThat(log.linesAbout("AF2027")).containsExactly("INFO AF2027: Added the table allframe_projection_leases to"
                    + " AllFrame's tables on H2, which an earlier version created without it", "INFO AF2027: Added the"
                    + " table allframe_nodes to AllFrame's tables on H2, which an earlier version created without it");
        } finally {
            factory.close();
        }
    }

    @Test
    void aSchemaMadeWithoutTheDeadLettersTableGetsIt() {
        EntityManagerFactory factory = Persistence.createEntityManagerFactory("allframe-test",
                Map.of("jakarta.persistence.jdbc.url", "jdbc:h2:mem:schema-upgrade;DB_CLOSE_DELAY=-1"));
        try (LogCapture log = LogCapture.of(JpaSchema.class)) {
            ResourceLocalTransactions transactions = new ResourceLocalTransactions(factory);
            assertThat(JpaSchema.createIfMissing(transactions)).isTrue();
            transactions.write(em -> em.createNativeQuery("DROP TABLE allframe_dead_letters").executeUpdate(),
                    done -> { });

            assertThat(JpaSchema.createIfMissing(transactions)).isFalse();

            Object parked = transactions.read(em -> em.createNativeQuery("SELECT COUNT(*) FROM allframe_dead_letters")
                    .getSingleResult());
            assertThat(parked).isEqualTo(0L);
            assertThat(log.linesAbout("allframe_dead_letters")).containsExactly("INFO AF2027: Added the table"
                    + " allframe_dead_letters to AllFrame's tables on H2, which an earlier version created without it");
        } finally {
            factory.close();
        }
    }

    @Test
    void aSchemaMadeWithoutTheIndexesRetentionUsesGetsThem() {
        EntityManagerFactory factory = Persistence.createEntityManagerFactory("allframe-test",
                Map.of("jakarta.persistence.jdbc.url", "jdbc:h2:mem:schema-indexes;DB_CLOSE_DELAY=-1"));
        try (LogCapture log = LogCapture.of(JpaSchema.class)) {
            ResourceLocalTransactions transactions = new ResourceLocalTransactions(factory);
            assertThat(JpaSchema.createIfMissing(transactions)).isTrue();
            transactions.write(em -> em.createNativeQuery("DROP INDEX allframe_idempotency_keys_recorded_ix")
                    .executeUpdate() + em.createNativeQuery("DROP INDEX allframe_sagas_updated_ix").executeUpdate(),
                    done -> { });

            assertThat(JpaSchema.createIfMissing(transactions)).isFalse();
            assertThat(JpaSchema.createIfMissing(transactions)).isFalse();

            Object indexes = transactions.read(em -> em.createNativeQuery("SELECT COUNT(*) FROM"
                    + " INFORMATION_SCHEMA.INDEXES WHERE INDEX_NAME IN ('ALLFRAME_IDEMPOTENCY_KEYS_RECORDED_IX',"
                    + " 'ALLFRAME_CLOSED_SCOPES_CLOSED_IX', 'ALLFRAME_SAGAS_UPDATED_IX')").getSingleResult());
            assertThat(indexes).isEqualTo(3L);
            assertThat(log.linesAbout("indexes")).containsExactly("INFO AF2045: Added the indexes"
                    + " allframe_idempotency_keys_recorded_ix, allframe_sagas_updated_ix, which retention removes old"
                    + " rows by, to AllFrame's tables on H2, which an earlier version created without them");
        } finally {
            factory.close();
        }
    }

    @Test
    void thePostgresScriptEndsWithTheNotificationsFunctionWholeAndItsTwoTriggersNoneOnTheEvents() {
        List<String> statements = JpaSchema.statements(JpaSchema.script("PostgreSQL"));

        assertThat(statements).noneMatch(sql -> sql.contains("TRIGGER allframe_events_notify"));
        assertThat(statements.subList(statements.size() - 3, statements.size())).satisfiesExactly(
                function -> assertThat(function).startsWith("CREATE OR REPLACE FUNCTION allframe_notify()")
                        .contains("PERFORM pg_notify(channel, 'k ' || NEW.projection);").endsWith("END\n$$"),
                checkpoints -> assertThat(checkpoints).startsWith("CREATE TRIGGER allframe_checkpoints_notify"),
                leases -> assertThat(leases).startsWith("CREATE TRIGGER allframe_projection_leases_notify"));
    }

    @Test
    void thePostgresScriptNumbersEventsWithASequenceStartedAtTheHeadAndItsFunctions() {
        assertThat(JpaSchema.positionStatements("PostgreSQL")).satisfiesExactly(
                sequence -> assertThat(sequence)
                        .isEqualTo("CREATE SEQUENCE allframe_positions MINVALUE 0 START WITH 0"),
                start -> assertThat(start).startsWith("SELECT setval('allframe_positions', greatest(")
                        .contains("FROM allframe_head")
                        .contains("(SELECT coalesce(max(global_position), 0) FROM allframe_events)"),
                keys -> assertThat(keys).startsWith("CREATE OR REPLACE FUNCTION allframe_position_keys()"),
                wait -> assertThat(wait).startsWith("CREATE OR REPLACE FUNCTION allframe_wait_below("),
                take -> assertThat(take).startsWith("CREATE OR REPLACE FUNCTION allframe_take_positions(")
                        .contains("PERFORM pg_advisory_xact_lock_shared(keys);",
                                "PERFORM pg_advisory_xact_lock_shared(keys + first);"),
                hold -> assertThat(hold).startsWith("CREATE OR REPLACE FUNCTION allframe_hold_appends()")
                        .contains("PERFORM pg_advisory_xact_lock(allframe_position_keys());"),
                giveBack -> assertThat(giveBack).startsWith("CREATE OR REPLACE FUNCTION allframe_give_back("),
                readable -> assertThat(readable).startsWith("CREATE OR REPLACE FUNCTION allframe_readable()")
                        .endsWith("END\n$$"));
    }

    @Test
    void everyScriptHasTheSameTablesAndTheHeadRow() {
        for (String database : List.of("PostgreSQL", "H2", "Apache Derby")) {
            List<String> statements = JpaSchema.statements(JpaSchema.script(database)).stream()
                    .filter(sql -> !sql.contains("allframe_notify"))
                    .filter(sql -> !database.equals("PostgreSQL") || !JpaSchema.positionStatements(database)
                            .contains(sql)).toList();
            assertThat(statements).as(database).hasSize(18)
                    .anySatisfy(s -> assertThat(s).startsWith("CREATE TABLE allframe_events ("))
                    .anySatisfy(s -> assertThat(s).startsWith("CREATE TABLE allframe_event_tags ("))
                    .anySatisfy(s -> assertThat(s).startsWith("CREATE TABLE allframe_head ("))
                    .anySatisfy(s -> assertThat(s).isEqualTo("INSERT INTO allframe_head (id, head_position) VALUES (1, 0)"))
                    .anySatisfy(s -> assertThat(s).startsWith("CREATE TABLE allframe_idempotency_keys ("))
                    .anySatisfy(s -> assertThat(s).isEqualTo("CREATE INDEX allframe_idempotency_keys_scope_ix ON"
                            + " allframe_idempotency_keys (idempotency_scope)"))
                    .anySatisfy(s -> assertThat(s).isEqualTo("CREATE INDEX allframe_idempotency_keys_recorded_ix ON"
                            + " allframe_idempotency_keys (recorded_at)"))
                    .anySatisfy(s -> assertThat(s).startsWith("CREATE TABLE allframe_closed_scopes ("))
                    .anySatisfy(s -> assertThat(s).isEqualTo("CREATE INDEX allframe_closed_scopes_closed_ix ON"
                            + " allframe_closed_scopes (closed_at)"))
                    .anySatisfy(s -> assertThat(s).startsWith("CREATE TABLE allframe_snapshots ("))
                    .anySatisfy(s -> assertThat(s).startsWith("CREATE TABLE allframe_checkpoints ("))
                    .anySatisfy(s -> assertThat(s).startsWith("CREATE TABLE allframe_dead_letters ("))
                    .anySatisfy(s -> assertThat(s).startsWith("CREATE TABLE allframe_projection_leases ("))
                    .anySatisfy(s -> assertThat(s).startsWith("CREATE TABLE allframe_nodes ("))
                    .anySatisfy(s -> assertThat(s).startsWith("CREATE TABLE allframe_sagas ("))
                    .anySatisfy(s -> assertThat(s).isEqualTo("CREATE INDEX allframe_sagas_state_ix ON allframe_sagas (saga_state)"))
                    .anySatisfy(s -> assertThat(s).isEqualTo("CREATE INDEX allframe_sagas_updated_ix ON allframe_sagas"
                            + " (updated_at)"))
                    .anySatisfy(s -> assertThat(s).startsWith("CREATE TABLE allframe_saga_steps ("));
        }
    }

    @Test
    void otherDatabasesAreToldThereIsNoScript() {
        assertThatThrownBy(() -> JpaSchema.script("Oracle"))
                .isInstanceOf(EventStoreException.class)
                .hasMessage("AF2005: allframe.jpa.create-schema has no schema script for Oracle; scripts exist for"
                        + " PostgreSQL, H2 and Apache Derby");
    }

    @Test
    void aMissingHeadRowIsExplained() {
        JpaEventStore store = TestDatabase.H2.freshStore();
        TestDatabase.H2.execute("DELETE FROM allframe_head");
        try {
            assertThatThrownBy(() -> store.append("s", AppendCondition.any(), List.of(new NewEvent(EventIds.next(),
                    "ConformanceEvent", 1, new ConformanceEvent("x", 1), null, null, null))))
                    .isInstanceOf(EventStoreException.class)
                    .hasMessage("AF2003: Table allframe_head has no row: create the schema with the script for your"
                            + " database (META-INF/allframe/sql/<database>.sql in allframe-jpa-store) or set"
                            + " allframe.jpa.create-schema=true");
            assertThat(store.headPosition()).isZero();
        } finally {
            TestDatabase.H2.execute("INSERT INTO allframe_head (id, head_position) VALUES (1, 0)");
        }
    }
}
