package dev.allframe.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.core.EventTypeRegistry;
import dev.allframe.jpa.PostgresCondition.RequiresPostgres;
import dev.allframe.saga.SagaLogEntry;
import dev.allframe.saga.SagaLogEntry.Action;
import dev.allframe.saga.SagaLogEntry.Result;
import dev.allframe.saga.SagaState;
import dev.allframe.saga.SagaTakenOverException;
import dev.allframe.spi.conformance.ConformanceEvent;
import dev.allframe.spi.saga.SagaRecord;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * On PostgreSQL a saga's start (with the start of its first step), each save of it with its log's entries, and the
 * renewal of a process's leases are one statement each, sent on a connection in autocommit mode, which commits it in
 * the same round trip; what they store reads back as the portable path stores it, and a save of a saga another process
 * took over is refused as there.
 */
@RequiresPostgres
class PostgresSagaPathTest {

    private static final Duration LEASE = Duration.ofSeconds(30);

    private CountingDataSource counting;
    private EntityManagerFactory factory;

    @AfterEach
    void closeCountingUnit() {
        if (factory != null) {
            factory.close();
        }
    }

    private JpaEventStore countingStore() {
        return new JpaEventStore(new ResourceLocalTransactions(countingFactory()), new JsonbEventSerializer(),
                EventTypeRegistry.of(List.of(ConformanceEvent.class)), Clock.systemUTC());
    }

    private EntityManagerFactory countingFactory() {
        TestDatabase.POSTGRESQL.freshStore();
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(PostgresCondition.url());
        counting = new CountingDataSource(postgres);
        factory = Persistence.createEntityManagerFactory("allframe-test",
                Map.of("jakarta.persistence.nonJtaDataSource", counting));
        return factory;
    }

    @Test
    void aStartEachSaveAndARenewalOfLeasesAreOneStatementEachWithTheirCommit() {
        JpaEventStore store = countingStore();
        Instant then = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UUID id = UUID.randomUUID();
        SagaRecord started = new SagaRecord(id, "transfer", SagaState.RUNNING, 0, 2, "A->B", Map.of(), 0, null,
                "process-1", null, then, then, "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        SagaLogEntry debit = new SagaLogEntry(1, 1, "debit", Action.EXECUTE, Result.STARTED, null, then, null);
        Instant later = then.plusMillis(5);
        SagaRecord running = started.at(SagaState.RUNNING, 2, later).withOutput("debit", "receipt 7", later);
        List<SagaLogEntry> boundary = List.of(debit.finish(Result.SUCCEEDED, null, later),
                new SagaLogEntry(2, 2, "credit", Action.EXECUTE, Result.STARTED, null, later, null));

        counting.executions().clear();
        store.start(started, LEASE, List.of(debit));
        List<CountingDataSource.Execution> start = new ArrayList<>(counting.executions());
        assertThat(store.history(id)).containsExactly(debit);
        counting.executions().clear();
        store.saveAll(running, boundary);
        List<CountingDataSource.Execution> save = new ArrayList<>(counting.executions());
        counting.executions().clear();
        store.renewLeases("process-1", List.of(id), LEASE);
        List<CountingDataSource.Execution> renewal = new ArrayList<>(counting.executions());

        assertThat(start).singleElement().satisfies(trip -> assertThat(trip.sql())
                .startsWith("WITH saga AS (INSERT INTO allframe_sagas"));
        assertThat(save).singleElement().satisfies(trip -> assertThat(trip.sql()).startsWith("WITH saga AS (UPDATE"));
        assertThat(renewal).singleElement().satisfies(trip -> assertThat(trip.sql()).startsWith("UPDATE allframe_sagas"));
        SagaRecord stored = store.find(id).orElseThrow();
        assertThat(stored.ownedBy("process-1", null, later)).isEqualTo(running.ownedBy("process-1", null, later));
        assertThat(stored.leaseUntil()).isAfter(Instant.now().plus(LEASE).minusSeconds(10));
        assertThat(store.history(id)).containsExactlyElementsOf(boundary);
    }

    /**
     * Under JTA, on a thread without a transaction (a saga's own thread), the saga's writes take no JTA transaction:
     * each is its one statement on a connection in autocommit mode, committed in its round trip.
     */
    @Test
    void underJtaWithoutATransactionEachWriteIsOneStatementInAutocommitModeWithoutAJtaTransaction() {
        RecordingUserTransaction userTransaction = new RecordingUserTransaction();
        JpaEventStore store = new JpaEventStore(new JtaTransactions(countingFactory(), userTransaction,
                new NoJtaTransaction()), new JsonbEventSerializer(), EventTypeRegistry.of(List.of(ConformanceEvent.class)),
                Clock.systemUTC());
        Instant then = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UUID id = UUID.randomUUID();
        SagaRecord started = new SagaRecord(id, "transfer", SagaState.RUNNING, 0, 2, "A->B", Map.of(), 0, null,
                "process-1", null, then, then);
        SagaLogEntry debit = new SagaLogEntry(1, 1, "debit", Action.EXECUTE, Result.STARTED, null, then, null);
        SagaRecord running = started.at(SagaState.RUNNING, 1, then.plusMillis(1));

        counting.executions().clear();
        store.start(started, LEASE);
        store.saveAll(running, List.of(debit));
        store.renewLeases("process-1", List.of(id), LEASE);

        assertThat(counting.executions()).extracting(CountingDataSource.Execution::sql)
                .satisfiesExactly(sql -> assertThat(sql).startsWith("INSERT INTO allframe_sagas"),
                        sql -> assertThat(sql).startsWith("WITH saga AS (UPDATE"),
                        sql -> assertThat(sql).startsWith("UPDATE allframe_sagas"));
        assertThat(userTransaction.calls).isEmpty();
        JpaEventStore other = TestDatabase.POSTGRESQL.freshStoreKeepingData(
                EventTypeRegistry.of(List.of(ConformanceEvent.class)));
        assertThat(other.find(id).orElseThrow().currentStep()).isEqualTo(1);
        assertThat(other.history(id)).containsExactly(debit);
    }

    @Test
    void aSaveOfASagaAnotherProcessTookOverIsRefusedNamingItAndChangesNothing() {
        JpaEventStore store = countingStore();
        Instant then = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UUID id = UUID.randomUUID();
        SagaRecord saga = new SagaRecord(id, "transfer", SagaState.RUNNING, 1, 2, "A->B", Map.of(), 0, null,
                "process-1", null, then, then);
        store.start(saga, Duration.ZERO);
        assertThat(store.claim(id, "process-2", LEASE)).isPresent();

        SagaLogEntry late = new SagaLogEntry(1, 1, "debit", Action.EXECUTE, Result.SUCCEEDED, null, then, then);
        assertThatThrownBy(() -> store.saveAll(saga.at(SagaState.RUNNING, 2, then.plusMillis(1)), List.of(late)))
                .isInstanceOf(SagaTakenOverException.class)
                .hasMessage("AF1144: Saga 'transfer' (" + id + ") was taken over by process process-2 after this"
                        + " process's lease ran out; this process stops working on it");
        assertThat(store.find(id).orElseThrow().owner()).isEqualTo("process-2");
        assertThat(store.find(id).orElseThrow().currentStep()).isEqualTo(1);
        assertThat(store.history(id)).isEmpty();
    }
}
