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
import java.util.concurrent.atomic.AtomicLong;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The saga of {@link SagaBenchmark}, started and awaited by eight clients at once: how many sagas per second one
 * engine runs, on pools sized as AllFrame sizes its saga and step lanes where it owns the threads (16 each on this
 * machine), against the same two steps chained by hand on one pool of four.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 6, time = 1)
@Measurement(iterations = 5, time = 1)
@Threads(8)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class SagaThroughputBenchmark {

    @State(Scope.Benchmark)
    public static class AllFrame {
        private ExecutorService sagas;
        private ExecutorService steps;
        private ScheduledExecutorService scheduler;
        private SagaEngine engine;
        private final AtomicLong started = new AtomicLong();

        @Setup
        public void start() {
            sagas = Executors.newFixedThreadPool(16);
            steps = Executors.newFixedThreadPool(16);
            scheduler = OwnThreads.timer();
            SagaModel model = TwoNoopSteps.transfer("SagaThroughputBenchmark", steps, scheduler);
            engine = new SagaEngine(List.of(model), new InMemorySagaStore(), new InMemoryEventStore(),
                    new EventTypeRegistry(), sagas, Clock.systemUTC(), Duration.ofSeconds(30));
        }

        SagaOutcome next() {
            SagaOutcome outcome = engine.start("transfer", "transfer-" + started.incrementAndGet());
            if (!(outcome instanceof SagaOutcome.Completed)) {
                throw new IllegalStateException("saga did not complete: " + outcome);
            }
            return outcome;
        }

        @TearDown
        public void stop() {
            sagas.shutdownNow();
            steps.shutdownNow();
            scheduler.shutdownNow();
        }
    }

    @State(Scope.Benchmark)
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
