package dev.allframe.core.saga;

import static dev.allframe.core.saga.Steps.step;
import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.core.EventTypeRegistry;
import dev.allframe.core.Problems;
import dev.allframe.memory.InMemoryEventStore;
import dev.allframe.memory.InMemorySagaStore;
import dev.allframe.saga.SagaDefinition;
import dev.allframe.saga.SagaExecution;
import dev.allframe.saga.SagaOutcome;
import dev.allframe.saga.Step;
import dev.allframe.saga.StepResult;
import dev.allframe.spi.saga.SagaStore;
import dev.allframe.testing.ManualTimer;
import dev.allframe.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * No thread waits while a step executes: the saga goes on where the step's execution ended when that was in the
 * step's own task, on a saga thread when another thread ended it, and a failure is compensated on a saga thread.
 */
class SagaThreadUseTest {

    private final MutableClock clock = new MutableClock();
    private final ExecutorService sagaThread = Executors.newSingleThreadExecutor(named("saga"));
    private final ExecutorService stepThreads = Executors.newCachedThreadPool(named("step"));
    /** The thread of each write of the saga's log, by the entries it wrote. */
    private final Map<String, String> writers = new ConcurrentHashMap<>();

    @AfterEach
    void stop() {
        sagaThread.shutdownNow();
        stepThreads.shutdownNow();
    }

    @Test
    void aSagaExecutingAStepHoldsNoSagaThread() throws Exception {
        CountDownLatch bothExecuting = new CountDownLatch(2);
        Step<String> meet = step(context -> {
            bothExecuting.countDown();
            if (!bothExecuting.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other saga's step did not start");
            }
            return StepResult.done();
        });
        SagaEngine engine = engine(SagaDefinition.<String>named("meet").step("meet", meet));

        SagaExecution first = engine.startAsync("meet", "first");
        SagaExecution second = engine.startAsync("meet", "second");

        assertThat(first.outcome().toCompletableFuture().get(20, TimeUnit.SECONDS))
                .isInstanceOf(SagaOutcome.Completed.class);
        assertThat(second.outcome().toCompletableFuture().get(20, TimeUnit.SECONDS))
                .isInstanceOf(SagaOutcome.Completed.class);
    }

    @Test
    void theSagaGoesOnOnTheStepsThreadWhenTheStepEndedInItsOwnTask() throws Exception {
        CountDownLatch sagaThreadFree = new CountDownLatch(1);
        Step<String> debit = step(context -> {
            assertThat(sagaThreadFree.await(10, TimeUnit.SECONDS)).isTrue();
            return StepResult.done();
        });
        Step<String> credit = step(context -> StepResult.done());
        SagaEngine engine = engine(SagaDefinition.<String>named("transfer").step("debit", debit)
                .step("credit", credit));

        SagaExecution execution = engine.startAsync("transfer", "t-1");
        sagaThread.execute(sagaThreadFree::countDown);

        assertThat(execution.outcome().toCompletableFuture().get(20, TimeUnit.SECONDS))
                .isInstanceOf(SagaOutcome.Completed.class);

        assertThat(writers).containsExactlyInAnyOrderEntriesOf(Map.of(
                "[execute 1 STARTED]", "saga",
                "[execute 1 SUCCEEDED, execute 2 STARTED]", "step",
                "[execute 2 SUCCEEDED]", "step"));
    }

    @Test
    void theSagaGoesOnOnASagaThreadWhenAnotherThreadEndedTheStep() throws Exception {
        CompletableFuture<StepResult> later = new CompletableFuture<>();
        CountDownLatch executed = new CountDownLatch(1);
        Step<String> elsewhere = step(context -> {
            executed.countDown();
            return later;
        });
        Step<String> done = step(context -> StepResult.done());
        SagaEngine engine = engine(SagaDefinition.<String>named("transfer").step("debit", elsewhere)
                .step("credit", done));

        SagaExecution execution = engine.startAsync("transfer", "t-1");
        assertThat(executed.await(10, TimeUnit.SECONDS)).as("the step executed").isTrue();
        awaitStepThreadsIdle();
        Thread ender = new Thread(() -> later.complete(StepResult.none()), "other");
        ender.start();
        ender.join();

        assertThat(execution.outcome().toCompletableFuture().get(20, TimeUnit.SECONDS))
                .isInstanceOf(SagaOutcome.Completed.class);
        assertThat(writers).containsEntry("[execute 1 SUCCEEDED, execute 2 STARTED]", "saga");
    }

    @Test
    void aStepThatFailedInItsOwnTaskIsCompensatedOnASagaThread() throws Exception {
        Step<String> debit = step(context -> StepResult.done());
        Step<String> credit = step(context -> {
            throw new IllegalStateException("no such account");
        });
        SagaEngine engine = engine(SagaDefinition.<String>named("transfer").step("debit", debit).step("credit", credit));

        SagaOutcome outcome = engine.start("transfer", "t-1");

        assertThat(outcome).isInstanceOf(SagaOutcome.Compensated.class);
        assertThat(writers).containsEntry("[execute 2 FAILED]", "saga")
                .containsEntry("[compensate 2 STARTED]", "saga").containsEntry("[compensate 2 SUCCEEDED]", "saga")
                .containsEntry("[compensate 1 STARTED]", "saga").containsEntry("[compensate 1 SUCCEEDED]", "saga");
    }

    private SagaEngine engine(SagaDefinition<String> definition) {
        Problems problems = new Problems();
        SagaModel model = SagaDefinitions.model(definition, "test", Duration.ofSeconds(20), stepThreads,
                new ManualTimer(clock), problems).orElseThrow();
        return new SagaEngine(List.of(model), noting(new InMemorySagaStore(clock)), new InMemoryEventStore(),
                new EventTypeRegistry(), sagaThread, clock, Duration.ofSeconds(30));
    }

    private void awaitWrite(String entries) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!writers.containsKey(entries)) {
            assertThat(System.nanoTime()).as("the saga writes %s", entries).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    /**
     * Waits until the step's task ended: every step thread (the one that ran it) is back in its pool, waiting for a
     * task. Until then the step's execution may still be inside its own task, where a completion counts as the step's.
     */
    private static void awaitStepThreadsIdle() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Thread.getAllStackTraces().entrySet().stream()
                .filter(thread -> thread.getKey().getName().startsWith("step-"))
                .allMatch(thread -> java.util.Arrays.stream(thread.getValue())
                        .anyMatch(frame -> frame.getMethodName().equals("getTask")))) {
            assertThat(System.nanoTime()).as("the step's task ended").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    /** {@code store}, with the thread of each write of entries noted in {@link #writers}. */
    private SagaStore noting(SagaStore store) {
        return SagaStoreWrites.noting(store, (write, entries) -> {
            if (!entries.isEmpty()) {
                String thread = Thread.currentThread().getName();
                writers.put(entries.stream().map(entry -> entry.action().name().toLowerCase() + " " + entry.step()
                        + " " + entry.result()).toList().toString(), thread.substring(0, thread.indexOf('-')));
            }
        });
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> new Thread(task, prefix + "-" + count.incrementAndGet());
    }
}
