package dev.allframe.jpa.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.core.EventIds;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.core.Problems;
import dev.allframe.core.projection.BoundProjection;
import dev.allframe.core.projection.ProjectionEngine;
import dev.allframe.core.projection.ProjectionInspector;
import dev.allframe.core.projection.ProjectionInspector.ProjectionBean;
import dev.allframe.core.projection.ProjectionSettings;
import dev.allframe.jpa.JpaEventStore;
import dev.allframe.jpa.JpaTransactions;
import dev.allframe.jpa.JsonbEventSerializer;
import dev.allframe.jpa.TestDatabase;
import dev.allframe.projection.FailurePolicy;
import dev.allframe.projection.ParkedEvent;
import dev.allframe.projection.ParkedRetry;
import dev.allframe.projection.ProjectionMode;
import dev.allframe.projection.ProjectionState;
import dev.allframe.projection.ReadModel;
import dev.allframe.spi.StoreCapabilities;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.NewEvent;
import dev.allframe.testing.ManualTimer;
import dev.allframe.testing.QueuedExecutor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Parked events on the JPA store: the dead letter and the checkpoint past it commit together, a parked event applied
 * again commits with the removal of its dead letter, and a crash in between loses nothing and applies nothing twice.
 * The engine runs on a queued executor and a manual timer, so that the test decides when each batch and retry runs.
 */
abstract class JpaDeadLetterContract {

    private static final ProjectionSettings SETTINGS = new ProjectionSettings(4, Duration.ofMillis(50), 1,
            Duration.ofMillis(10));
    private static final String REFUSED_5 = "AF1119: Projection 'ledger' failed on event Credited at position 5"
            + " (stream 'acc', version 5) in dev.allframe.jpa.projection.LedgerAfterWriting#on(Credited,"
            + " EventEnvelope): java.lang.IllegalStateException: refused Credited[account=acc, amount=5]";

    private final QueuedExecutor executor = new QueuedExecutor();
    private final ManualTimer timer = new ManualTimer();
    private final List<ProjectionEngine> engines = new ArrayList<>();
    private final CrashingTransactions transactions = new CrashingTransactions();
    private JpaEventStore store;

    abstract TestDatabase database();

    @BeforeEach
    void emptyStoreAndReadModel() {
        database().freshStore(EventTypeRegistry.of(List.of(Credited.class)));
        transactions.delegate = database().transactions();
        store = new JpaEventStore(transactions, new JsonbEventSerializer(), EventTypeRegistry.of(List.of(Credited.class)),
                timer.clock());
        try {
            database().execute("DELETE FROM test_ledger");
        } catch (PersistenceException missing) {
            database().execute("CREATE TABLE test_ledger (event_id VARCHAR(36) PRIMARY KEY, account VARCHAR(20),"
                    + " amount INTEGER)");
        }
    }

    @AfterEach
    void stopEngines() {
        engines.forEach(ProjectionEngine::close);
    }

    @Test
    void aParkingProjectionParksThePoisonEventInTheTableAndGoesOnWithTheNext() {
        credit(10);
        LedgerAfterWriting ledger = new LedgerAfterWriting();
        ledger.failAmount = 5;
        ProjectionEngine engine = start(ledger, FailurePolicy.PARK);

        failAfterRetries();
        Instant parkedAt = timer.clock().instant();
        executor.runAll();

        assertThat(rows()).isEqualTo(9);
        assertThat(store.checkpoint("ledger")).isEqualTo(10);
        assertThat(engine.status("ledger").state()).isEqualTo(ProjectionState.RUNNING);
        assertThat(engine.status("ledger").parked()).isEqualTo(1);
        assertThat(engine.parked("ledger")).containsExactly(new ParkedEvent("ledger", 5, "acc", 5, "Credited",
                REFUSED_5, 2, parkedAt, ParkedEvent.BY_POLICY, ParkedEvent.RETRIES_USED_UP, parkedAt));
        assertThat(store.readAll(4, 1).get(0).event()).as("the event stays in the log as it was")
                .isEqualTo(new Credited("acc", 5));

        ledger.failAmount = -1;
        assertThat(engine.retryParked("ledger")).isEqualTo(new ParkedRetry(List.of(5L), List.of()));
        assertThat(rows()).isEqualTo(10);
        assertThat(engine.status("ledger").parked()).isZero();
    }

    @Test
    void parkingAndTheCheckpointMovePastTheEventCommitTogetherOrNotAtAll() {
        credit(3);
        Instant now = timer.clock().instant();
        ParkedEvent poison = new ParkedEvent("ledger", 2, "acc", 2, "Credited", "AF1119: refused", 2, now, "alice",
                "refunded by hand", now);
        store.applyBatch("ledger", 0, store.readAll(0, 1), event -> { });

        transactions.crashAfterNextWork = true;
        assertThatThrownBy(() -> store.park(poison)).isInstanceOf(PersistenceException.class)
                .hasMessage("crash after the work, before the commit");

        assertThat(store.parked("ledger")).as("no dead letter without the checkpoint").isEmpty();
        assertThat(store.checkpoint("ledger")).as("no checkpoint without the dead letter").isEqualTo(1);

        assertThat(store.park(poison)).isTrue();
        assertThat(store.parked("ledger")).containsExactly(poison);
        assertThat(store.checkpoint("ledger")).isEqualTo(2);
        assertThat(store.park(poison)).as("a checkpoint past the event parks it no more").isFalse();
        assertThat(store.parkedCount("ledger")).isEqualTo(1);
    }

    @Test
    void anEventRecordedForAProjectionInMemoryMovesNoCheckpointAndIsRecordedOnce() {
        credit(3);
        Instant now = timer.clock().instant();
        ParkedEvent poison = new ParkedEvent("ledger", 2, "acc", 2, "Credited", "AF1119: refused", 1, now, "alice",
                "refunded by hand", now);

        assertThat(store.record(poison)).isTrue();
        assertThat(store.record(poison)).as("recorded already").isFalse();

        assertThat(store.parked("ledger")).containsExactly(poison);
        assertThat(store.checkpoint("ledger")).isZero();
    }

    @Test
    void aParkedEventAppliedAgainCommitsWithTheRemovalOfItsDeadLetterOrNotAtAll() {
        credit(2);
        LedgerAfterWriting ledger = new LedgerAfterWriting();
        ledger.failAmount = 2;
        ProjectionEngine engine = start(ledger, FailurePolicy.STOP);
        failAfterRetries();
        assertThat(engine.status("ledger").state()).isEqualTo(ProjectionState.FAILED);
        engine.skip("ledger", "alice", "refunded by hand");
        executor.runAll();
        assertThat(rows()).isEqualTo(1);

        ParkedRetry stillFailing = engine.retryParked("ledger", 2);
        assertThat(rows()).as("the failed retry's row is rolled back").isEqualTo(1);
        assertThat(stillFailing.stillParked()).extracting(ParkedEvent::attempts).containsExactly(3);

        ledger.failAmount = -1;
        transactions.crashAfterNextWork = true;
        assertThatThrownBy(() -> engine.retryParked("ledger", 2)).isInstanceOf(PersistenceException.class);
        assertThat(rows()).as("a crash rolls the effects back with the removal").isEqualTo(1);
        assertThat(engine.parked("ledger")).extracting(ParkedEvent::position).containsExactly(2L);

        assertThat(engine.retryParked("ledger", 2)).isEqualTo(new ParkedRetry(List.of(2L), List.of()));
        assertThat(rows()).isEqualTo(2);
    }

    @Test
    void aSuccessorAfterACrashKeepsTheParkedEventAndAppliesNothingTwice() {
        credit(6);
        LedgerAfterWriting first = new LedgerAfterWriting();
        first.failAmount = 3;
        ProjectionEngine crashing = start(first, FailurePolicy.PARK);
        failAfterRetries();
        crashing.close();
        long checkpoint = store.checkpoint("ledger");
        long rowsThen = rows();

        ProjectionEngine successor = start(new LedgerAfterWriting(), FailurePolicy.PARK);
        executor.runAll();

        assertThat(checkpoint).isGreaterThanOrEqualTo(3);
        assertThat(rowsThen).isEqualTo(checkpoint - 1);
        assertThat(rows()).as("one row per event but the parked one: the key refuses a second").isEqualTo(5);
        assertThat(successor.parked("ledger")).extracting(ParkedEvent::position).containsExactly(3L);
        assertThat(successor.status("ledger").position()).isEqualTo(6);
    }

    private ProjectionEngine start(Object ledger, FailurePolicy onFailure) {
        Problems problems = new Problems();
        var model = ProjectionInspector.inspect(List.of(new ProjectionBean(ledger.getClass(), "ledger",
                ProjectionMode.ASYNC, ReadModel.STORED, onFailure)), problems).get(0);
        assertThat(problems.messages()).isEmpty();
        ProjectionEngine engine = ProjectionEngine.create(StoreCapabilities.of(store), "the JPA store", SETTINGS,
                List.of(new BoundProjection(model, ledger)), executor, timer, timer.clock(), problems).orElseThrow();
        engines.add(engine);
        engine.start();
        return engine;
    }

    /** Runs the first attempt and every retry of the failing event. */
    private void failAfterRetries() {
        executor.runAll();
        for (int retry = 0; retry < SETTINGS.maxRetries(); retry++) {
            timer.advance(SETTINGS.retryBackoff().multipliedBy(1L << retry));
            executor.runAll();
        }
    }

    private void credit(int count) {
        for (int i = 1; i <= count; i++) {
            store.append("acc", AppendCondition.any(), List.of(new NewEvent(EventIds.next(), "Credited", 1,
                    new Credited("acc", (int) store.headPosition() + 1), null, null, null)));
        }
    }

    private long rows() {
        return database().transactions().read(em -> ((Number) em.unwrap(Session.class)
                .createNativeQuery("SELECT COUNT(*) FROM test_ledger", Long.class).getSingleResult()).longValue());
    }

    /** The database's transactions, one of which can crash after its work, before it commits. */
    private static final class CrashingTransactions implements JpaTransactions {

        volatile JpaTransactions delegate;
        volatile boolean crashAfterNextWork;

        @Override
        public <T> T write(Function<EntityManager, T> work, Consumer<T> afterCommit) {
            return delegate.write(em -> {
                T result = work.apply(em);
                em.flush();
                if (crashAfterNextWork) {
                    crashAfterNextWork = false;
                    throw new PersistenceException("crash after the work, before the commit");
                }
                return result;
            }, afterCommit);
        }

        @Override
        public <T> T read(Function<EntityManager, T> work) {
            return delegate.read(work);
        }
    }
}
