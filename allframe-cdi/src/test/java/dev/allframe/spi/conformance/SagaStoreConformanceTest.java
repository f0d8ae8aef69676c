package dev.allframe.spi.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.core.EventIds;
import dev.allframe.saga.SagaLogEntry;
import dev.allframe.saga.SagaLogEntry.Action;
import dev.allframe.saga.SagaLogEntry.Result;
import dev.allframe.saga.SagaState;
import dev.allframe.saga.SagaTakenOverException;
import dev.allframe.spi.saga.SagaRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Sagas and their histories as the saga store keeps them: read back whole, histories by entry number, an entry
 * replaced by its finished version, unfinished sagas oldest first, a saga stored under another owner refused,
 * and leases claimed only once run out and renewed only for their owner. Every saga store must pass it; see
 * {@link SagaStoreConformanceSupport} for how.
 */
public abstract class SagaStoreConformanceTest extends SagaStoreConformanceSupport {

    private final Instant t0 = clock.instant();
    private static final Duration THIRTY = Duration.ofSeconds(30);

    @Test
    void aSavedSagaIsReadBackWholeAlsoByAnotherView() {
        SagaRecord saga = new SagaRecord(EventIds.next(), "transfer", SagaState.COMPENSATING, 2, 3,
                new ConformanceTransfer("A", "B", 25), Map.of("hold", new ConformanceReceipt("A", 25)), 2,
                "no courier", "process-1", t0.plusSeconds(30), t0, t0.plusSeconds(5),
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");

        sagas.save(saga, null);

        assertThat(sagas.find(saga.id())).contains(saga);
        assertThat(sameSagas(sagas).find(saga.id())).contains(saga);
        assertThat(sagas.history(saga.id())).isEmpty();
    }

    @Test
    void theTraceASagaStartedInIsKeptThroughSavesAndATakeOver() {
        String traceParent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        SagaRecord saga = new SagaRecord(EventIds.next(), "transfer", SagaState.RUNNING, 0, 2,
                new ConformanceTransfer("A", "B", 25), Map.of(), 0, null, "process-1", null, t0, t0, traceParent);
        sagas.start(saga, THIRTY);
        sagas.save(saga.at(SagaState.RUNNING, 1, t0.plusSeconds(1)), null);
        clock.advance(THIRTY.plusSeconds(1));

        assertThat(sagas.claim(saga.id(), "process-2", THIRTY)).get().extracting(SagaRecord::traceParent)
                .isEqualTo(traceParent);
        assertThat(sameSagas(sagas).find(saga.id())).get().extracting(SagaRecord::traceParent).isEqualTo(traceParent);
    }

    @Test
    void anUnknownSagaIsNotFoundAndHasNoHistory() {
        sagas.save(running("process-1", t0, t0.plusSeconds(30)), null);
        UUID unknown = EventIds.next();

        assertThat(sagas.find(unknown)).isEmpty();
        assertThat(sagas.history(unknown)).isEmpty();
    }

    @Test
    void aLaterSaveReplacesTheSaga() {
        SagaRecord started = running("process-1", t0, t0.plusSeconds(30));
        sagas.save(started, null);
        SagaRecord further = started.withOutput("hold", new ConformanceReceipt("A", 5), t0.plusSeconds(1))
                .at(SagaState.COMPLETED, 2, t0.plusSeconds(2));

        sagas.save(further, null);

        assertThat(sagas.find(started.id())).contains(further);
    }

    @Test
    void theEndOfAStepAndTheStartOfTheNextAreSavedWithTheSagaAndReadBackInOrder() {
        SagaRecord saga = running("process-1", t0, t0.plusSeconds(30));
        SagaLogEntry first = new SagaLogEntry(1, 1, "hold", Action.EXECUTE, Result.STARTED, null, t0, null);
        sagas.save(saga, first);
        SagaRecord further = saga.withOutput("hold", new ConformanceReceipt("A", 5), t0.plusSeconds(1))
                .at(SagaState.RUNNING, 2, t0.plusSeconds(1));
        SagaLogEntry held = first.finish(Result.SUCCEEDED, null, t0.plusSeconds(1));
        SagaLogEntry second = new SagaLogEntry(2, 2, "deliver", Action.EXECUTE, Result.STARTED, null,
                t0.plusSeconds(1), null);

        sagas.saveAll(further, List.of(held, second));

        assertThat(sameSagas(sagas).find(saga.id())).contains(further);
        assertThat(sameSagas(sagas).history(saga.id())).containsExactly(held, second);
        SagaRecord completed = further.at(SagaState.COMPLETED, 2, t0.plusSeconds(2));
        sagas.saveAll(completed, List.of());
        assertThat(sameSagas(sagas).find(saga.id())).contains(completed);
        assertThat(sameSagas(sagas).history(saga.id())).containsExactly(held, second);
    }

    @Test
    void aHistoryIsReadByEntryNumberWithEachEntryReplacedByItsFinishedVersion() {
        SagaRecord saga = running("process-1", t0, t0.plusSeconds(30));
        SagaLogEntry first = new SagaLogEntry(1, 1, "hold", Action.EXECUTE, Result.STARTED, null, t0, null);
        SagaLogEntry second = new SagaLogEntry(2, 2, "deliver", Action.EXECUTE, Result.STARTED, null,
                t0.plusSeconds(2), null);

        sagas.save(saga, first);
        sagas.save(saga, first.finish(Result.SUCCEEDED, null, t0.plusSeconds(1)));
        sagas.save(saga, second);
        sagas.save(saga, null);
        sagas.save(saga, second.finish(Result.FAILED, "no courier", t0.plusSeconds(3)));

        assertThat(sagas.history(saga.id())).containsExactly(
                first.finish(Result.SUCCEEDED, null, t0.plusSeconds(1)),
                second.finish(Result.FAILED, "no courier", t0.plusSeconds(3)));
        assertThat(sameSagas(sagas).history(saga.id())).hasSize(2);
    }

    @Test
    void historiesAreKeptPerSaga() {
        SagaRecord one = running("process-1", t0, t0.plusSeconds(30));
        SagaRecord other = running("process-1", t0, t0.plusSeconds(30));
        SagaLogEntry entry = new SagaLogEntry(1, 1, "hold", Action.EXECUTE, Result.STARTED, null, t0, null);

        sagas.save(one, entry);
        sagas.save(other, null);

        assertThat(sagas.history(one.id())).containsExactly(entry);
        assertThat(sagas.history(other.id())).isEmpty();
    }

    @Test
    void aSagaStoredUnderAnotherOwnerIsNeitherOverwrittenNorGivenAnEntry() {
        SagaRecord mine = running("process-1", t0, t0.plusSeconds(30));
        sagas.save(mine, null);
        clock.advance(Duration.ofSeconds(31));
        SagaRecord takenOver = sagas.claim(mine.id(), "process-2", THIRTY).orElseThrow();

        assertThatThrownBy(() -> sagas.save(mine.at(SagaState.COMPLETED, 1, t0.plusSeconds(32)),
                new SagaLogEntry(1, 1, "hold", Action.EXECUTE, Result.SUCCEEDED, null, t0, t0.plusSeconds(32))))
                .isInstanceOf(SagaTakenOverException.class)
                .hasMessage("AF1144: Saga 'transfer' (" + mine.id() + ") was taken over by process process-2 after"
                        + " this process's lease ran out; this process stops working on it");

        assertThat(sagas.find(mine.id())).contains(takenOver);
        assertThat(sagas.history(mine.id())).isEmpty();
    }

    @Test
    void unfinishedSagasAreThoseRunningOrCompensatingOldestFirst() {
        SagaRecord newest = running("process-1", t0.plusSeconds(20), t0.plusSeconds(60));
        SagaRecord oldest = running("process-1", t0, t0.plusSeconds(60)).at(SagaState.COMPENSATING, 1, t0);
        SagaRecord middle = running("process-2", t0.plusSeconds(10), t0.plusSeconds(60));
        sagas.save(newest, null);
        sagas.save(oldest, null);
        sagas.save(middle, null);
        for (SagaState finished : Set.of(SagaState.COMPLETED, SagaState.COMPENSATED, SagaState.FAILED_COMPENSATION)) {
            sagas.save(running("process-1", t0.plusSeconds(5), t0.plusSeconds(60)).at(finished, 1, t0), null);
        }

        assertThat(sagas.unfinished()).extracting(SagaRecord::id)
                .containsExactly(oldest.id(), middle.id(), newest.id());
    }

    @Test
    void expiredSagasAreTheUnfinishedOnesWhoseLeaseRanOutOldestFirstUpToTheLimit() {
        SagaRecord newest = running("process-1", t0.plusSeconds(20), t0.plusSeconds(30));
        SagaRecord oldest = running("process-1", t0, t0.plusSeconds(30)).at(SagaState.COMPENSATING, 1, t0);
        SagaRecord live = running("process-2", t0.plusSeconds(10), t0.plusSeconds(31));
        SagaRecord middle = running("process-2", t0.plusSeconds(15), t0.plusSeconds(29));
        sagas.save(newest, null);
        sagas.save(oldest, null);
        sagas.save(live, null);
        sagas.save(middle, null);
        sagas.save(running("process-1", t0.plusSeconds(5), t0).at(SagaState.COMPLETED, 1, t0), null);

        clock.advance(Duration.ofSeconds(29));
        assertThat(sagas.expired(10)).extracting(SagaRecord::id).containsExactly(middle.id());
        clock.advance(Duration.ofSeconds(1));
        assertThat(sagas.expired(10)).as("a lease is over at its time").extracting(SagaRecord::id)
                .containsExactly(oldest.id(), middle.id(), newest.id());
        assertThat(sagas.expired(2)).extracting(SagaRecord::id).containsExactly(oldest.id(), middle.id());
    }

    @Test
    void aSagaWhoseLeaseRanOutIsClaimedOnceByItsNewOwner() {
        SagaRecord saga = running("process-1", t0, t0.plusSeconds(30));
        sagas.save(saga, null);

        clock.advance(Duration.ofSeconds(29));
        assertThat(sagas.claim(saga.id(), "process-2", THIRTY)).as("the lease still runs").isEmpty();
        assertThat(sagas.find(saga.id())).contains(saga);

        clock.advance(Duration.ofSeconds(2));
        SagaRecord claimed = sagas.claim(saga.id(), "process-2", THIRTY).orElseThrow();

        assertThat(claimed.owner()).isEqualTo("process-2");
        assertThat(claimed.leaseUntil()).isEqualTo(t0.plusSeconds(61));
        assertThat(claimed).usingRecursiveComparison().ignoringFields("owner", "leaseUntil", "updated")
                .isEqualTo(saga);
        assertThat(sagas.find(saga.id())).contains(claimed);
        clock.advance(Duration.ofSeconds(1));
        assertThat(sagas.claim(saga.id(), "process-3", THIRTY)).as("taken first by process-2, whose lease runs")
                .isEmpty();
    }

    @Test
    void finishedAndUnknownSagasCannotBeClaimed() {
        SagaRecord done = running("process-1", t0, t0.plusSeconds(30)).at(SagaState.COMPLETED, 1, t0.plusSeconds(1));
        sagas.save(done, null);

        clock.advance(Duration.ofSeconds(60));
        assertThat(sagas.claim(done.id(), "process-2", THIRTY)).isEmpty();
        assertThat(sagas.claim(EventIds.next(), "process-2", THIRTY)).isEmpty();
        assertThat(sagas.find(done.id())).contains(done);
    }

    @Test
    void leasesAreRenewedOnlyForTheListedUnfinishedSagasOfTheirOwner() {
        SagaRecord mine = running("process-1", t0, t0.plusSeconds(30));
        SagaRecord notListed = running("process-1", t0, t0.plusSeconds(30));
        SagaRecord others = running("process-2", t0, t0.plusSeconds(30));
        SagaRecord finished = running("process-1", t0, t0.plusSeconds(30)).at(SagaState.COMPENSATED, 1, t0);
        List.of(mine, notListed, others, finished).forEach(saga -> sagas.save(saga, null));

        clock.advance(Duration.ofSeconds(20));
        sagas.renewLeases("process-1", List.of(mine.id(), others.id(), finished.id()), Duration.ofSeconds(40));

        assertThat(sagas.find(mine.id()).orElseThrow().leaseUntil()).isEqualTo(t0.plusSeconds(60));
        assertThat(sagas.find(mine.id()).orElseThrow().owner()).isEqualTo("process-1");
        assertThat(sagas.find(notListed.id()).orElseThrow().leaseUntil()).isEqualTo(t0.plusSeconds(30));
        assertThat(sagas.find(others.id()).orElseThrow().leaseUntil()).isEqualTo(t0.plusSeconds(30));
        assertThat(sagas.find(finished.id()).orElseThrow().leaseUntil()).isEqualTo(t0.plusSeconds(30));
    }

    @Test
    void aSaveAtAStepBoundaryKeepsTheLeaseItsOwnerRenewedMeanwhile() {
        SagaRecord started = running("process-1", t0, t0.plusSeconds(30));
        sagas.save(started, null);
        sagas.renewLeases("process-1", List.of(started.id()), Duration.ofSeconds(60));

        sagas.save(started.withOutput("debit", "receipt", t0.plusSeconds(40)).at(SagaState.RUNNING, 2,
                t0.plusSeconds(40)), null);

        SagaRecord stored = sagas.find(started.id()).orElseThrow();
        assertThat(stored.leaseUntil()).as("renewed, not undone by the save").isEqualTo(t0.plusSeconds(60));
        assertThat(stored.currentStep()).isEqualTo(2);
        assertThat(stored.outputs()).containsEntry("debit", "receipt");
        clock.advance(Duration.ofSeconds(45));
        assertThat(sagas.claim(started.id(), "process-2", THIRTY))
                .as("its owner is alive: the renewed lease still runs").isEmpty();
    }

    @Test
    void renewingNoLeasesChangesNothing() {
        SagaRecord saga = running("process-1", t0, t0.plusSeconds(30));
        sagas.save(saga, null);

        sagas.renewLeases("process-1", List.of(), Duration.ofSeconds(60));

        assertThat(sagas.find(saga.id())).contains(saga);
    }

    @Test
    void aStartedSagasLeaseRunsFromNowOnTheStoresClockWhateverTheRecordSays() {
        clock.advance(Duration.ofSeconds(100));
        SagaRecord saga = running("process-1", t0, t0);

        sagas.start(saga, THIRTY);

        SagaRecord stored = sagas.find(saga.id()).orElseThrow();
        assertThat(stored.leaseUntil()).isEqualTo(t0.plusSeconds(130));
        assertThat(stored).usingRecursiveComparison().ignoringFields("leaseUntil").isEqualTo(saga);
        assertThat(sagas.expired(10)).isEmpty();
        assertThat(sagas.claim(saga.id(), "process-2", THIRTY)).isEmpty();
        clock.advance(THIRTY);
        assertThat(sagas.expired(10)).extracting(SagaRecord::id).containsExactly(saga.id());
    }

    @Test
    void aSagaStartedWithTheStartOfItsFirstStepIsReadBackWithItsLeaseAndThatEntry() {
        clock.advance(Duration.ofSeconds(100));
        SagaRecord saga = running("process-1", t0, t0);
        SagaLogEntry debit = new SagaLogEntry(1, 1, "debit", Action.EXECUTE, Result.STARTED, null, t0, null);

        sagas.start(saga, THIRTY, List.of(debit));

        SagaRecord stored = sameSagas(sagas).find(saga.id()).orElseThrow();
        assertThat(stored.leaseUntil()).isEqualTo(t0.plusSeconds(130));
        assertThat(stored).usingRecursiveComparison().ignoringFields("leaseUntil").isEqualTo(saga);
        assertThat(sameSagas(sagas).history(saga.id())).containsExactly(debit);
        SagaLogEntry debited = debit.finish(Result.SUCCEEDED, null, t0.plusSeconds(1));
        sagas.saveAll(saga.at(SagaState.RUNNING, 2, t0.plusSeconds(1)), List.of(debited));
        assertThat(sagas.history(saga.id())).containsExactly(debited);
    }

    /** A new two-step transfer saga running its first step, started at {@code started}. */
    private static SagaRecord running(String owner, Instant started, Instant leaseUntil) {
        return new SagaRecord(EventIds.next(), "transfer", SagaState.RUNNING, 1, 2,
                new ConformanceTransfer("A", "B", 5), Map.of(), 0, null, owner, leaseUntil, started, started);
    }
}
