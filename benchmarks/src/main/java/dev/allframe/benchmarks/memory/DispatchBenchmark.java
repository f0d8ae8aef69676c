package dev.allframe.benchmarks.memory;

import dev.allframe.benchmarks.bank.BankHandlers;
import dev.allframe.benchmarks.bank.Ping;
import dev.allframe.benchmarks.support.AllFrameBuses;
import dev.allframe.benchmarks.support.AxonBuses;
import dev.allframe.command.CommandResult;
import dev.allframe.core.dispatch.CommandDispatcher;
import dev.allframe.memory.InMemoryEventStore;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Dispatch of a small command to a handler that does nothing. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class DispatchBenchmark {

    private final Ping ping = new Ping(42);
    private CommandDispatcher allFrame;
    private SimpleCommandBus axon;
    private Map<Class<?>, Consumer<Object>> map;

    @Setup
    public void setUp() {
        allFrame = AllFrameBuses.commandBus(new InMemoryEventStore(), new BankHandlers());
        axon = AxonBuses.pingBus();
        map = new HashMap<>();
        map.put(Ping.class, command -> { });
    }

    @Benchmark
    public CommandResult allFrame() {
        return allFrame.dispatch(ping);
    }

    @Benchmark
    public Object axon() {
        return AxonBuses.dispatch(axon, ping);
    }

    @Benchmark
    public Object hashMap() {
        map.get(ping.getClass()).accept(ping);
        return ping;
    }
}
