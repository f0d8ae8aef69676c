package dev.allframe.spi.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.core.EventTypeRegistry;
import dev.allframe.core.Problems;
import dev.allframe.core.saga.SagaDefinitions;
import dev.allframe.core.saga.SagaEngine;
import dev.allframe.memory.InMemoryEventStore;
import dev.allframe.saga.SagaContext;
import dev.allframe.saga.SagaDefinition;
import dev.allframe.saga.SagaExecution;
import dev.allframe.saga.SagaLogEntry;
import dev.allframe.saga.SagaLogEntry.Action;
import dev.allframe.saga.SagaLogEntry.Result;
import dev.allframe.saga.SagaOutcome;
import dev.allframe.saga.SagaState;
import dev.allframe.saga.SagaTakenOverException;
import dev.allframe.saga.Step;
import dev.allframe.saga.StepResult;
import dev.allframe.spi.saga.SagaRecord;
import dev.allframe.spi.saga.SagaStore;
import dev.allframe.testing.ManualTimer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Sagas run by the saga engine over the store: a finished saga reads back with its history from another view of
 * the store, a saga whose owner's lease ran out is taken over and its first owner can write no more, and leases
 * are renewed only for the sagas their owner runs. Every saga store must pass it; see
 * {@link SagaStoreConformanceSupport} for how.
 *
 * <p>The sagas are transfers of two steps, {@code hold} and {@code deliver}. An engine built with
 * {@link #engine(SagaStore, Clock, boolean)} either fails {@code deliver} or holds it until {@link #release()};
 * {@link #awaitDelivering(int)} waits until that many sagas are at it.
 */
public abstract class SagaRecoveryConformanceTest extends SagaStoreConformanceSupport {

    /** The lease of every engine of the suite. */
    protected static final Duration LEASE = Duration.ofSeconds(30);

    private static final long WAIT_SECONDS = 20;

    /** What the steps did, in order. */
    protected final List<String> journal = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);
    private final Semaphore delivering = new Semaphore(0);

    @AfterEach
    final void stopSagas() {
        release.countDown();
        threads.shutdownNow();
    }

    @Test
    void aCompensatedSagaIsReadBackWithItsHistoryByAnotherView() {
        SagaOutcome outcome = engine(sagas, clock, false).start("transfer", new ConformanceTransfer("A", "B", 25));

        SagaStore other = sameSagas(sagas);
        SagaRecord saga = other.find(outcome.sagaId()).orElseThrow();
        assertThat(saga.state()).isEqualTo(SagaState.COMPENSATED);
        assertThat(saga.input()).isEqualTo(new ConformanceTransfer("A", "B", 25));
        assertThat(saga.outputs()).containsEntry("hold", new ConformanceReceipt("A", 25)).hasSize(1);
        assertThat(saga.failedStep()).isEqualTo(2);
        assertThat(saga.failure()).isEqualTo("AF1141: Step 2 'deliver' of saga 'transfer' (" + outcome.sagaId()
                + ") failed: java.lang.IllegalStateException: no courier");
        assertThat(other.history(outcome.sagaId())).extracting(SagaLogEntry::number, SagaLogEntry::step,
                SagaLogEntry::action, SagaLogEntry::result).containsExactly(
                Tuple.tuple(1, 1, Action.EXECUTE, Result.SUCCEEDED), Tuple.tuple(2, 2, Action.EXECUTE, Result.FAILED),
                Tuple.tuple(3, 2, Action.COMPENSATE, Result.SUCCEEDED),
                Tuple.tuple(4, 1, Action.COMPENSATE, Result.SUCCEEDED));
        assertThat(other.history(outcome.sagaId())).allSatisfy(entry -> assertThat(entry.finished())
                .isAfterOrEqualTo(entry.started()));
        assertThat(journal).containsExactly("hold A", "deliver B", "undo deliver",
                "release ConformanceReceipt[account=A, amount=25]");
        assertThat(other.unfinished()).isEmpty();
    }

    @Test
    void aSagaWhoseLeaseRanOutIsTakenOverAndItsFirstOwnerCannotWriteAnyMore() throws Exception {
        SagaEngine first = engine(sagas, clock, true);
        SagaExecution running = first.startAsync("transfer", new ConformanceTransfer("A", "B", 5));
        awaitDelivering(1);
        assertThat(sagas.unfinished()).extracting(SagaRecord::id).containsExactly(running.sagaId());

        SagaEngine second = engine(sameSagas(sagas), clock, true);
        assertThat(second.recoverNow()).as("the lease still runs").isEmpty();
        clock.advance(LEASE.plusSeconds(1));
        List<SagaExecution> recovered = second.recoverNow();

        assertThat(recovered).extracting(SagaExecution::sagaId).containsExactly(running.sagaId());
        assertThat(recovered.get(0).outcome().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS).state())
                .isEqualTo(SagaState.COMPENSATED);
        release();
        assertThatThrownBy(() -> running.outcome().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(SagaTakenOverException.class)
                .hasMessage("AF1144: Saga 'transfer' (" + running.sagaId() + ") was taken over by process "
                        + second.owner() + " after this process's lease ran out; this process stops working on it");
        assertThat(sagas.history(running.sagaId())).extracting(SagaLogEntry::step, SagaLogEntry::action,
                SagaLogEntry::result).containsExactly(Tuple.tuple(1, Action.EXECUTE, Result.SUCCEEDED),
                Tuple.tuple(2, Action.EXECUTE, Result.INTERRUPTED), Tuple.tuple(2, Action.COMPENSATE, Result.SUCCEEDED),
                Tuple.tuple(1, Action.COMPENSATE, Result.SUCCEEDED));
    }

    @Test
    void leasesAreRenewedOnlyForTheSagasTheOwnerRuns() throws Exception {
        SagaEngine first = engine(sagas, clock, true);
        SagaExecution running = first.startAsync("transfer", new ConformanceTransfer("A", "B", 5));
        SagaOutcome finished = engine(sagas, clock, false).start("transfer", new ConformanceTransfer("C", "D", 5));
        awaitDelivering(1);
        SagaRecord before = sagas.find(running.sagaId()).orElseThrow();
        SagaRecord finishedBefore = sagas.find(finished.sagaId()).orElseThrow();

        clock.advance(Duration.ofSeconds(10));
        first.renewLeases();

        assertThat(sagas.find(running.sagaId()).orElseThrow().leaseUntil())
                .isEqualTo(before.leaseUntil().plusSeconds(10));
        assertThat(sagas.find(finished.sagaId())).contains(finishedBefore);
        release();
        assertThat(running.outcome().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS).state())
                .isEqualTo(SagaState.COMPLETED);
    }

    /** Lets every held {@code deliver} step finish. */
    protected final void release() {
        release.countDown();
    }

    /** Waits until {@code count} more sagas are executing their held {@code deliver} step. */
    protected final void awaitDelivering(int count) throws InterruptedException {
        assertThat(delivering.tryAcquire(count, WAIT_SECONDS, TimeUnit.SECONDS))
                .as("%d sagas at their deliver step", count).isTrue();
    }

    /**
     * An engine over {@code store} running the transfer saga; its {@code deliver} step is held until
     * {@link #release()} when {@code deliveryWaits}, and fails otherwise.
     */
    protected final SagaEngine engine(SagaStore store, Clock engineClock, boolean deliveryWaits) {
        SagaDefinition<ConformanceTransfer> transfer = SagaDefinition.<ConformanceTransfer>named("transfer")
                .step("hold", new Step<>() {
                    @Override
                    public CompletionStage<StepResult> execute(SagaContext<ConformanceTransfer> context) {
                        journal.add("hold " + context.input().from());
                        return StepResult.output(new ConformanceReceipt(context.input().from(),
                                context.input().amount())).stage();
                    }

                    @Override
                    public void compensate(SagaContext<ConformanceTransfer> context) {
                        journal.add("release " + context.output("hold", ConformanceReceipt.class).orElseThrow());
                    }
                })
                .step("deliver", new Step<>() {
                    @Override
                    public CompletionStage<StepResult> execute(SagaContext<ConformanceTransfer> context)
                            throws Exception {
                        journal.add("deliver " + context.input().to());
                        if (!deliveryWaits) {
                            throw new IllegalStateException("no courier");
                        }
                        delivering.release();
                        release.await();
                        return StepResult.done();
                    }

                    @Override
                    public void compensate(SagaContext<ConformanceTransfer> context) {
                        journal.add("undo deliver");
                    }
                });
        Problems problems = new Problems();
        return new SagaEngine(List.of(SagaDefinitions.model(transfer, "test", Duration.ofMinutes(1), threads,
                new ManualTimer(), problems).orElseThrow()), store, new InMemoryEventStore(), new EventTypeRegistry(),
                threads, engineClock, LEASE);
    }
}
