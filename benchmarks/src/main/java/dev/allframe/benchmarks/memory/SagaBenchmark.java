package dev.allframe.benchmarks.memory;

import dev.allframe.core.EventTypeRegistry;
import dev.allframe.core.saga.SagaEngine;
import dev.allframe.core.saga.SagaModel;
import dev.allframe.core.work.OwnThreads;
import dev.allframe.memory.InMemoryEventStore;
import dev.allframe.memory.InMemorySagaStore;
import dev.allframe.saga.SagaOutcome;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A saga of two steps that succeed at once, started and awaited: AllFrame's {@link SagaEngine} on the
 * in-memory saga store (status and log written before and after each step, each step run on the executor and
 * bounded by its timeout), against the same two steps chained by hand on the same executor, with no log and no
 * bound. The difference is what the saga's durability and timeouts cost. The engine starts over on an empty
 * store every {@value #RESTART_EVERY} sagas, which keeps the heap bounded.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 6, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class SagaBenchmark {

    static final int RESTART_EVERY = 100_000;

    @State(Scope.Thread)
    public static class AllFrame {
        private ExecutorService executor;
        private ScheduledExecutorService scheduler;
        private SagaModel model;
        private SagaEngine engine;
        private long started;

        @Setup
        public void start() {
            executor = Executors.newFixedThreadPool(4);
            scheduler = OwnThreads.timer();
            model = TwoNoopSteps.transfer("SagaBenchmark", executor, scheduler);
            restart();
        }

        private void restart() {
            engine = new SagaEngine(List.of(model), new InMemorySagaStore(), new InMemoryEventStore(),
                    new EventTypeRegistry(), executor, Clock.systemUTC(), Duration.ofSeconds(30));
        }

        SagaOutcome next() {
            if (++started % RESTART_EVERY == 0) {
                restart();
            }
            SagaOutcome outcome = engine.start("transfer", "transfer-" + started);
            if (!(outcome instanceof SagaOutcome.Completed)) {
                throw new IllegalStateException("saga did not complete: " + outcome);
            }
            return outcome;
        }

        @TearDown
        public void stop() {
            executor.shutdownNow();
            scheduler.shutdownNow();
        }
    }

    @State(Scope.Thread)
    public static class ByHand extends TwoNoopSteps.ByHand {
    }

    @Benchmark
    public SagaOutcome allFrame(AllFrame state) {
        return state.next();
    }

    @Benchmark
    public Object byHand(ByHand state) {
        return state.next();
    }
}
