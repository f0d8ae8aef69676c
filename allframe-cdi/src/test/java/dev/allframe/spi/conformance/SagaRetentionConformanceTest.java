package dev.allframe.spi.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.core.EventIds;
import dev.allframe.saga.SagaLogEntry;
import dev.allframe.saga.SagaLogEntry.Action;
import dev.allframe.saga.SagaLogEntry.Result;
import dev.allframe.saga.SagaState;
import dev.allframe.spi.saga.SagaRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Finished sagas removed once their retention passed: completed, compensated and failed ones last updated before
 * the instant given go with their histories, at most as many at once as asked; unfinished ones stay, however old,
 * and the store knows when the oldest of them started. Several processes removing at once remove each saga once.
 * Every saga store must pass it; see {@link SagaStoreConformanceSupport} for how.
 */
public abstract class SagaRetentionConformanceTest extends SagaStoreConformanceSupport {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant LATER = T0.plus(Duration.ofDays(40));

    @Test
    void finishedSagasUpdatedBeforeTheInstantAreRemovedWithTheirHistories() {
        SagaRecord completed = withHistory(finished(SagaState.COMPLETED, T0));
        SagaRecord compensated = withHistory(finished(SagaState.COMPENSATED, T0.plusSeconds(1)));
        SagaRecord failed = withHistory(finished(SagaState.FAILED_COMPENSATION, T0.plusSeconds(2)));
        SagaRecord recent = withHistory(finished(SagaState.COMPLETED, LATER));
        SagaRecord running = withHistory(saga(SagaState.RUNNING, T0));
        SagaRecord compensating = withHistory(saga(SagaState.COMPENSATING, T0));

        int removed = sagas.pruneFinished(LATER, 100);

        assertThat(removed).isEqualTo(3);
        for (SagaRecord gone : List.of(completed, compensated, failed)) {
            assertThat(sagas.find(gone.id())).as("%s", gone.state()).isEmpty();
            assertThat(sagas.history(gone.id())).as("history of the %s saga", gone.state()).isEmpty();
            assertThat(sameSagas(sagas).find(gone.id())).isEmpty();
        }
        for (SagaRecord kept : List.of(recent, running, compensating)) {
            assertThat(sagas.find(kept.id())).as("%s", kept.state()).contains(kept);
            assertThat(sagas.history(kept.id())).hasSize(2);
        }
        assertThat(sagas.unfinished()).extracting(SagaRecord::id)
                .containsExactlyInAnyOrder(running.id(), compensating.id());
    }

    @Test
    void aPruneRemovesAtMostTheLimitOldestFirst() {
        List<SagaRecord> finished = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            finished.add(withHistory(finished(SagaState.COMPLETED, T0.plusSeconds(10 - i))));
        }

        assertThat(sagas.pruneFinished(LATER, 2)).isEqualTo(2);
        assertThat(sagas.find(finished.get(4).id())).as("the oldest").isEmpty();
        assertThat(sagas.find(finished.get(3).id())).isEmpty();
        assertThat(sagas.find(finished.get(2).id())).isPresent();
        assertThat(sagas.pruneFinished(LATER, 2)).isEqualTo(2);
        assertThat(sagas.pruneFinished(LATER, 2)).isEqualTo(1);
        assertThat(sagas.pruneFinished(LATER, 2)).isZero();
    }

    @Test
    void aSagaUpdatedAtOrAfterTheInstantStays() {
        SagaRecord done = withHistory(finished(SagaState.COMPENSATED, T0));

        assertThat(sagas.pruneFinished(T0, 100)).isZero();

        assertThat(sagas.find(done.id())).contains(done);
        assertThat(sagas.history(done.id())).hasSize(2);
    }

    @Test
    void unfinishedSagasStayHoweverOldAndTheOldestStartIsKnown() {
        assertThat(sagas.oldestUnfinishedStart()).as("none unfinished").isEmpty();
        sagas.save(finished(SagaState.COMPLETED, T0.minusSeconds(100)), null);
        assertThat(sagas.oldestUnfinishedStart()).as("a finished saga counts not").isEmpty();
        SagaRecord compensating = saga(SagaState.COMPENSATING, T0.plusSeconds(20));
        SagaRecord running = saga(SagaState.RUNNING, T0.plusSeconds(30));
        sagas.save(running, null);
        sagas.save(compensating, null);

        assertThat(sagas.pruneFinished(LATER, 100)).isEqualTo(1);

        assertThat(sagas.find(running.id())).contains(running);
        assertThat(sagas.find(compensating.id())).contains(compensating);
        assertThat(sagas.oldestUnfinishedStart()).contains(T0.plusSeconds(20));
        assertThat(sameSagas(sagas).oldestUnfinishedStart()).contains(T0.plusSeconds(20));
        sagas.save(compensating.at(SagaState.COMPENSATED, 1, T0.plusSeconds(40)), null);
        assertThat(sagas.oldestUnfinishedStart()).contains(T0.plusSeconds(30));
    }

    @Test
    void anEmptyStoreHasNothingToRemove() {
        assertThat(sagas.pruneFinished(LATER, 100)).isZero();
    }

    /** Several processes (here: threads with transactions of their own) pruning at once remove each saga once. */
    @Test
    void prunesRunningAtOnceRemoveEachSagaOnce() throws Exception {
        int count = 60;
        for (int i = 0; i < count; i++) {
            withHistory(finished(i % 2 == 0 ? SagaState.COMPLETED : SagaState.COMPENSATED, T0.plusSeconds(i)));
        }
        int threads = 4;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(executor.submit((Callable<Integer>) () -> {
                    start.await(30, TimeUnit.SECONDS);
                    int removed = 0;
                    for (int n = sagas.pruneFinished(LATER, 5); n > 0; n = sagas.pruneFinished(LATER, 5)) {
                        removed += n;
                    }
                    return removed;
                }));
            }
            int removed = 0;
            for (Future<Integer> future : futures) {
                removed += future.get(60, TimeUnit.SECONDS);
            }
            assertThat(removed).isEqualTo(count);
        } finally {
            executor.shutdownNow();
        }
        assertThat(sagas.pruneFinished(LATER, 100)).isZero();
    }

    /** Saves {@code saga} with a history of two entries, and returns it. */
    private SagaRecord withHistory(SagaRecord saga) {
        Instant at = saga.started();
        sagas.save(saga, new SagaLogEntry(1, 1, "hold", Action.EXECUTE, Result.SUCCEEDED, null, at, at));
        sagas.save(saga, new SagaLogEntry(2, 2, "deliver", Action.EXECUTE, Result.STARTED, null, at, null));
        return saga;
    }

    private static SagaRecord finished(SagaState state, Instant updated) {
        SagaRecord started = saga(SagaState.RUNNING, updated.minusSeconds(5));
        return started.at(state, 2, updated);
    }

    private static SagaRecord saga(SagaState state, Instant started) {
        return new SagaRecord(EventIds.next(), "transfer", state, 1, 2, new ConformanceTransfer("A", "B", 5), Map.of(),
                0, null, "process-1", started.plusSeconds(30), started, started);
    }
}
