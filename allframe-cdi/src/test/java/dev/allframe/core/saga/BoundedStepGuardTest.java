package dev.allframe.core.saga;

import static dev.allframe.core.saga.Steps.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.AllFrameException;
import dev.allframe.EventEnvelope;
import dev.allframe.saga.SagaContext;
import dev.allframe.saga.Step;
import dev.allframe.saga.StepResult;
import dev.allframe.testing.ManualTimer;
import dev.allframe.testing.QueuedExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The guard on real threads and a manual timer: a step's time is up when the test moves the timer, not when the
 * machine gets round to it.
 */
class BoundedStepGuardTest {

    private static final String SITE = "com.example.Credit";

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final ManualTimer timer = new ManualTimer();
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<String> journal = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        release.countDown();
        threads.shutdownNow();
    }

    @Test
    void aStepThatBlocksAndIgnoresInterruptsFailsWithATimeoutWhenItsTimeIsUp() throws Exception {
        BoundedStepGuard guard = guard(StepPolicy.timeout(Duration.ofMillis(200)));
        CountDownLatch started = new CountDownLatch(1);

        CompletableFuture<StepResult> stage = guard.execute(step(context -> {
            started.countDown();
            ScriptedStep.awaitIgnoringInterrupts(release);
            return StepResult.done();
        }), context()).toCompletableFuture();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        timer.advance(Duration.ofMillis(199));
        assertThat(stage).isNotDone();
        timer.advance(Duration.ofMillis(1));

        assertThatThrownBy(stage::get).isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(TimeoutException.class)
                .hasMessage("AF1152: Step com.example.Credit did not finish within 200 ms");
    }

    @Test
    void aStepThatHonoursInterruptsIsInterruptedWhenItsTimeIsUp() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        BoundedStepGuard guard = guard(StepPolicy.timeout(Duration.ofMillis(100)));

        CompletionStage<StepResult> stage = guard.execute(step(context -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return StepResult.done();
        }), context());
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        timer.advance(Duration.ofMillis(100));

        assertThatThrownBy(() -> stage.toCompletableFuture().get()).cause().isInstanceOf(TimeoutException.class);
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aStageThatCompletesLaterIsBoundedToo() {
        BoundedStepGuard guard = guard(StepPolicy.timeout(Duration.ofMillis(100)));

        CompletionStage<StepResult> stage = guard.execute(step(context -> new CompletableFuture<>()), context());
        timer.advance(Duration.ofMillis(100));

        assertThatThrownBy(() -> stage.toCompletableFuture().get()).cause().isInstanceOf(TimeoutException.class);
    }

    @Test
    void aStepWithinItsTimeGivesItsResultAndItsThreadIsNotInterruptedAfterwards() throws Exception {
        CountDownLatch timePassed = new CountDownLatch(1);
        CompletableFuture<Boolean> interruptedLater = new CompletableFuture<>();
        Executor ownThread = task -> new Thread(() -> {
            task.run();
            try {
                timePassed.await();
                interruptedLater.complete(Thread.currentThread().isInterrupted());
            } catch (InterruptedException e) {
                interruptedLater.complete(true);
            }
        }).start();
        BoundedStepGuard guard = new BoundedStepGuard(ownThread, timer, SITE,
                StepPolicy.timeout(Duration.ofMillis(100)));
        StepResult result = StepResult.output("R-1");

        assertThat(guard.execute(step(context -> result.stage()), context()).toCompletableFuture().get())
                .isSameAs(result);
        assertThat(timer.pending()).as("the timeout is cancelled").isEmpty();
        timer.advance(Duration.ofMinutes(1));
        timePassed.countDown();
        assertThat(interruptedLater.get(10, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void failedAndTimedOutAttemptsAreRetriedAfterTheDelay() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        BoundedStepGuard guard = guard(new StepPolicy(Duration.ofMillis(150), 2, Duration.ofMillis(100)));

        CompletableFuture<StepResult> stage = guard.execute(step(context -> {
            int attempt = attempts.incrementAndGet();
            journal.add("attempt " + attempt);
            if (attempt == 1) {
                throw new IllegalStateException("busy");
            }
            if (attempt == 2) {
                ScriptedStep.awaitIgnoringInterrupts(release);
            }
            return StepResult.output("third time").stage();
        }), context()).toCompletableFuture();
        await(() -> timer.pending().equals(List.of(Duration.ofMillis(100))), "the first retry waits for its delay");
        timer.advance(Duration.ofMillis(99));
        assertThat(journal).containsExactly("attempt 1");
        timer.advance(Duration.ofMillis(1));
        await(() -> journal.size() == 2, "the second attempt runs");
        timer.advance(Duration.ofMillis(150));
        await(() -> timer.pending().equals(List.of(Duration.ofMillis(100))), "the timed-out attempt is retried later");
        timer.advance(Duration.ofMillis(100));

        assertThat(stage.get(10, TimeUnit.SECONDS).output()).isEqualTo("third time");
        assertThat(journal).containsExactly("attempt 1", "attempt 2", "attempt 3");
    }

    @Test
    void theLastFailureCountsWhenNoRetryIsLeft() {
        AtomicInteger attempts = new AtomicInteger();
        BoundedStepGuard guard = guard(new StepPolicy(Duration.ofSeconds(5), 1, Duration.ZERO));

        CompletionStage<StepResult> stage = guard.execute(step(context -> {
            throw new IllegalStateException("busy " + attempts.incrementAndGet());
        }), context());
        await(() -> attempts.get() == 1 && timer.pending().equals(List.of(Duration.ZERO)), "the retry is due");
        timer.advance(Duration.ZERO);

        assertThatThrownBy(() -> stage.toCompletableFuture().get()).cause().isInstanceOf(IllegalStateException.class)
                .hasMessage("busy 2");
    }

    @Test
    void anErrorInAStepIsReportedAtOnceAsItIsAndNotRetried() throws Exception {
        BoundedStepGuard guard = guard(new StepPolicy(Duration.ofSeconds(5), 3, Duration.ZERO));
        AtomicInteger attempts = new AtomicInteger();
        StackOverflowError overflow = new StackOverflowError("too deep");

        CompletionStage<StepResult> stage = guard.execute(step(context -> {
            attempts.incrementAndGet();
            throw overflow;
        }), context());

        assertThatThrownBy(() -> stage.toCompletableFuture().get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isSameAs(overflow);
        assertThat(attempts).hasValue(1);
        assertThat(timer.pending()).as("no timeout is left behind").isEmpty();
    }

    @Test
    void anErrorInACompensationIsThrownAtOnceAsItIs() {
        BoundedStepGuard guard = guard(StepPolicy.timeout(Duration.ofSeconds(5)));
        Error broken = new Error("ledger class broken");

        CompletableFuture<Void> compensated = compensateElsewhere(guard, compensation(() -> {
            throw broken;
        }));

        assertThatThrownBy(() -> compensated.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isSameAs(broken);
        assertThat(timer.pending()).isEmpty();
    }

    @Test
    void anAttemptWhoseTimeIsUpBeforeAThreadTookItNeverStarts() throws Exception {
        QueuedExecutor busy = new QueuedExecutor();
        BoundedStepGuard guard = new BoundedStepGuard(busy, timer, SITE, StepPolicy.timeout(Duration.ofMillis(100)));
        AtomicInteger started = new AtomicInteger();

        CompletionStage<StepResult> stage = guard.execute(step(context -> {
            started.incrementAndGet();
            return StepResult.done();
        }), context());
        timer.advance(Duration.ofMillis(100));
        busy.runAll();

        assertThatThrownBy(() -> stage.toCompletableFuture().get()).cause().isInstanceOf(TimeoutException.class)
                .hasMessage("AF1152: Step com.example.Credit did not finish within 100 ms");
        assertThat(started).as("the step never ran").hasValue(0);
    }

    @Test
    void noStageIsAnError() {
        BoundedStepGuard guard = guard(StepPolicy.timeout(Duration.ofSeconds(5)));

        CompletionStage<StepResult> stage = guard.execute(step(context -> null), context());

        assertThatThrownBy(() -> stage.toCompletableFuture().get()).cause().isInstanceOf(AllFrameException.class)
                .hasMessage("AF1146: Step com.example.Credit returned no CompletionStage from execute");
    }

    @Test
    void aCompensationThatBlocksAndIgnoresInterruptsThrowsATimeoutWhenItsTimeIsUp() throws Exception {
        BoundedStepGuard guard = guard(StepPolicy.timeout(Duration.ofMillis(200)));
        CountDownLatch started = new CountDownLatch(1);

        CompletableFuture<Void> compensated = compensateElsewhere(guard, compensation(() -> {
            started.countDown();
            ScriptedStep.awaitIgnoringInterrupts(release);
        }));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        timer.advance(Duration.ofMillis(199));
        assertThat(compensated).isNotDone();
        timer.advance(Duration.ofMillis(1));

        assertThatThrownBy(() -> compensated.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(TimeoutException.class)
                .hasMessage("AF1153: The compensation of step com.example.Credit did not finish within 200 ms");
    }

    @Test
    void aCompensationThatHonoursInterruptsIsInterruptedWhenItsTimeIsUp() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        BoundedStepGuard guard = guard(StepPolicy.timeout(Duration.ofMillis(100)));

        CompletableFuture<Void> compensated = compensateElsewhere(guard, compensation(() -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        }));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        timer.advance(Duration.ofMillis(100));

        assertThatThrownBy(() -> compensated.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(TimeoutException.class);
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aCompensationWithinItsTimeRunsOnceAndItsFailureIsThrownAsItIs() throws Exception {
        BoundedStepGuard guard = guard(new StepPolicy(Duration.ofSeconds(5), 3, Duration.ZERO));

        guard.compensate(compensation(() -> journal.add("undone")), context());
        IllegalStateException offline = new IllegalStateException("ledger offline");
        assertThatThrownBy(() -> guard.compensate(compensation(() -> {
            journal.add("failed");
            throw offline;
        }), context())).isSameAs(offline);

        assertThat(journal).containsExactly("undone", "failed");
        assertThat(timer.pending()).as("no timeout is left behind").isEmpty();
    }

    private BoundedStepGuard guard(StepPolicy policy) {
        return new BoundedStepGuard(threads, timer, SITE, policy);
    }

    /** Compensates on a thread of its own, as a saga's run does, while the test moves the timer. */
    private CompletableFuture<Void> compensateElsewhere(BoundedStepGuard guard, Step<Object> step) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                guard.compensate(step, context());
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        });
        thread.setDaemon(true);
        thread.start();
        return done;
    }

    /** Waits for what the guard's threads do next: a condition, not a length of time. */
    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private interface Compensation {
        void run() throws Exception;
    }

    private static Step<Object> compensation(Compensation compensation) {
        return new Step<>() {
            @Override
            public CompletionStage<StepResult> execute(SagaContext<Object> context) {
                return StepResult.done();
            }

            @Override
            public void compensate(SagaContext<Object> context) throws Exception {
                compensation.run();
            }
        };
    }

    private static SagaContext<Object> context() {
        UUID id = UUID.randomUUID();
        return new SagaContext<>() {
            @Override
            public UUID sagaId() {
                return id;
            }

            @Override
            public String saga() {
                return "transfer";
            }

            @Override
            public Object input() {
                return "A->B";
            }

            @Override
            public int step() {
                return 1;
            }

            @Override
            public String stepName() {
                return "Credit";
            }

            @Override
            public <T> Optional<T> output(String stepName, Class<T> type) {
                return Optional.empty();
            }

            @Override
            public String idempotencyKey() {
                return id + ":1:execute";
            }

            @Override
            public List<EventEnvelope> executionEvents() {
                return List.of();
            }
        };
    }
}
