package dev.allframe.benchmarks.memory;

import dev.allframe.core.Problems;
import dev.allframe.core.saga.SagaDefinitions;
import dev.allframe.core.saga.SagaModel;
import dev.allframe.core.work.ScheduledTimer;
import dev.allframe.saga.SagaContext;
import dev.allframe.saga.SagaDefinition;
import dev.allframe.saga.Step;
import dev.allframe.saga.StepResult;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.openjdk.jmh.annotations.TearDown;

/** The saga both saga benchmarks run, two steps with nothing to do: as AllFrame's saga, and chained by hand. */
public final class TwoNoopSteps {

    private TwoNoopSteps() {
    }

    /** The saga {@code transfer}: steps {@code debit} and {@code credit}, each a no-op, 30 s timeouts. */
    public static SagaModel transfer(String site, ExecutorService steps, ScheduledExecutorService scheduler) {
        Problems problems = new Problems();
        Noop step = new Noop();
        return SagaDefinitions.model(SagaDefinition.<String>named("transfer").step("debit", step)
                        .step("credit", step), site, Duration.ofSeconds(30), steps, new ScheduledTimer(scheduler),
                        problems)
                .orElseThrow(() -> new IllegalStateException(problems.messages().toString()));
    }

    /** A step with nothing to do and nothing to undo. */
    static final class Noop implements Step<String> {

        @Override
        public CompletionStage<StepResult> execute(SagaContext<String> context) {
            return StepResult.done();
        }

        @Override
        public void compensate(SagaContext<String> context) {
        }
    }

    /** The two steps chained with two {@link CompletableFuture} stages: no log, no timeout; a JMH state's base. */
    public abstract static class ByHand {

        private final ExecutorService executor = Executors.newFixedThreadPool(4);
        private final Noop step = new Noop();

        Object next() {
            return CompletableFuture.supplyAsync(() -> step.execute(null), executor)
                    .thenCompose(stage -> stage)
                    .thenComposeAsync(first -> step.execute(null), executor)
                    .join();
        }

        @TearDown
        public void stop() {
            executor.shutdownNow();
        }
    }
}
