package dev.allframe.core.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.AllFrameException;
import dev.allframe.saga.SagaContext;
import dev.allframe.saga.Step;
import dev.allframe.saga.StepResult;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BoundedStepGuardTest {

    private static final String SITE = "com.example.Credit";

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<String> journal = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        release.countDown();
        threads.shutdownNow();
    }

    @Test
    void aStepThatBlocksAndIgnoresInterruptsFailsWithATimeoutWhenItsTimeIsUp() {
        BoundedStepGuard guard = guard(StepPolicy.timeout(Duration.ofMillis(200)));

        long start = System.nanoTime();
        CompletableFuture<StepResult> stage = guard.execute(step(context -> {
            ScriptedStep.awaitIgnoringInterrupts(release);
            return StepResult.done();
        }), context()).toCompletableFuture();

        assertThatThrownBy(stage::get).isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(TimeoutException.class)
                .hasMessage("AF1152: Step com.example.Credit did not finish within 200 ms");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(200L, 2_000L);
    }

    @Test
    void aStepThatHonoursInterruptsIsInterruptedWhenItsTimeIsUp() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        BoundedStepGuard guard = guard(StepPolicy.timeout(Duration.ofMillis(100)));

        CompletionStage<StepResult> stage = guard.execute(step(context -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return StepResult.done();
        }), context());

        assertThatThrownBy(() -> stage.toCompletableFuture().get()).cause().isInstanceOf(TimeoutException.class);
        assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aStageThatCompletesLaterIsBoundedToo() {
        BoundedStepGuard guard = guard(StepPolicy.timeout(Duration.ofMillis(100)));

        CompletionStage<StepResult> stage = guard.execute(step(context -> new CompletableFuture<>()), context());

        assertThatThrownBy(() -> stage.toCompletableFuture().get()).cause().isInstanceOf(TimeoutException.class);
    }

    @Test
    void aStepWithinItsTimeGivesItsResultAndItsThreadIsNotInterruptedAfterwards() throws Exception {
        CompletableFuture<Boolean> interruptedLater = new CompletableFuture<>();
        Executor ownThread = task -> new Thread(() -> {
            task.run();
            try {
                Thread.sleep(400);
                interruptedLater.complete(false);
            } catch (InterruptedException e) {
                interruptedLater.complete(true);
            }
        }).start();
        BoundedStepGuard guard = new BoundedStepGuard(ownThread, SITE, StepPolicy.timeout(Duration.ofMillis(100)));
        StepResult result = StepResult.output("R-1");

        assertThat(guard.execute(step(context -> result.stage()), context()).toCompletableFuture().get())
                .isSameAs(result);
        assertThat(interruptedLater.get(5, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void failedAndTimedOutAttemptsAreRetriedAfterTheDelay() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        BoundedStepGuard guard = guard(new StepPolicy(Duration.ofMillis(150), 2, Duration.ofMillis(100)));

        long start = System.nanoTime();
        StepResult result = guard.execute(step(context -> {
            int attempt = attempts.incrementAndGet();
            journal.add("attempt " + attempt);
            if (attempt == 1) {
                throw new IllegalStateException("busy");
            }
            if (attempt == 2) {
                ScriptedStep.awaitIgnoringInterrupts(release);
            }
            return StepResult.output("third time").stage();
        }), context()).toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertThat(result.output()).isEqualTo("third time");
        assertThat(journal).containsExactly("attempt 1", "attempt 2", "attempt 3");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(350L);
    }

    @Test
    void theLastFailureCountsWhenNoRetryIsLeft() {
        AtomicInteger attempts = new AtomicInteger();
        BoundedStepGuard guard = guard(new StepPolicy(Duration.ofSeconds(5), 1, Duration.ZERO));

        CompletionStage<StepResult> stage = guard.execute(step(context -> {
            throw new IllegalStateException("busy " + attempts.incrementAndGet());
        }), context());

        assertThatThrownBy(() -> stage.toCompletableFuture().get()).cause().isInstanceOf(IllegalStateException.class)
                .hasMessage("busy 2");
    }

    @Test
    void noStageIsAnError() {
        BoundedStepGuard guard = guard(StepPolicy.timeout(Duration.ofSeconds(5)));

        CompletionStage<StepResult> stage = guard.execute(step(context -> null), context());

        assertThatThrownBy(() -> stage.toCompletableFuture().get()).cause().isInstanceOf(AllFrameException.class)
                .hasMessage("AF1146: Step com.example.Credit returned no CompletionStage from execute");
    }

    @Test
    void aCompensationThatBlocksAndIgnoresInterruptsThrowsATimeoutWhenItsTimeIsUp() {
        BoundedStepGuard guard = guard(StepPolicy.timeout(Duration.ofMillis(200)));

        long start = System.nanoTime();
        assertThatThrownBy(() -> guard.compensate(compensation(() -> ScriptedStep.awaitIgnoringInterrupts(release)),
                context())).isInstanceOf(TimeoutException.class)
                .hasMessage("AF1153: The compensation of step com.example.Credit did not finish within 200 ms");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(200L, 2_000L);
    }

    @Test
    void aCompensationThatHonoursInterruptsIsInterruptedWhenItsTimeIsUp() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        BoundedStepGuard guard = guard(StepPolicy.timeout(Duration.ofMillis(100)));

        assertThatThrownBy(() -> guard.compensate(compensation(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        }), context())).isInstanceOf(TimeoutException.class);
        assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
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
    }

    private BoundedStepGuard guard(StepPolicy policy) {
        return new BoundedStepGuard(threads, SITE, policy);
    }

    private interface Execution {
        CompletionStage<StepResult> run(SagaContext<Object> context) throws Exception;
    }

    private static Step<Object> step(Execution execution) {
        return new Step<>() {
            @Override
            public CompletionStage<StepResult> execute(SagaContext<Object> context) throws Exception {
                return execution.run(context);
            }

            @Override
            public void compensate(SagaContext<Object> context) {
            }
        };
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
        };
    }
}
