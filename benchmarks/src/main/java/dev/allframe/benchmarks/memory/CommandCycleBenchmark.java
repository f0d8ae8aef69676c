package dev.allframe.benchmarks.memory;

import dev.allframe.benchmarks.bank.AccountWorkload;
import dev.allframe.benchmarks.bank.BankHandlers;
import dev.allframe.benchmarks.support.AllFrameBuses;
import dev.allframe.benchmarks.support.AxonBuses;
import dev.allframe.benchmarks.support.MapCache;
import dev.allframe.command.CommandResult;
import dev.allframe.core.dispatch.CommandDispatcher;
import dev.allframe.memory.InMemoryEventStore;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
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
 * The stateful command cycle in memory: fold the account's state, handle, append (see
 * {@link AccountWorkload}). Each contender starts over on an empty store every {@value #RESTART_EVERY}
 * commands, which keeps the heap bounded; the restart is part of the measured time for both. Five warm-up
 * iterations, not three: AllFrame's first second after three was still two to three times slower than the
 * next ones (1,094 ns, then 365–410 ns), with the collector still adapting to the restarts.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class CommandCycleBenchmark {

    static final int RESTART_EVERY = 200_000;

    @State(Scope.Thread)
    public static class AllFrame {
        private final AccountWorkload workload = new AccountWorkload("account-");
        private CommandDispatcher bus;

        @Setup
        public void start() {
            bus = AllFrameBuses.commandBus(new InMemoryEventStore(), new BankHandlers());
        }

        CommandResult next() {
            if (workload.count() % RESTART_EVERY == 0) {
                start();
            }
            return bus.dispatch(workload.next());
        }
    }

    @State(Scope.Thread)
    public static class Axon {
        private final AccountWorkload workload = new AccountWorkload("account-");
        private AxonBuses.Accounts accounts;

        @Setup
        public void start() {
            stop();
            accounts = AxonBuses.accounts(new InMemoryEventStorageEngine(), null, new MapCache());
        }

        @TearDown
        public void stop() {
            if (accounts != null) {
                accounts.close();
            }
        }

        Object next() {
            if (workload.count() % RESTART_EVERY == 0) {
                start();
            }
            return accounts.dispatch(workload.next());
        }
    }

    @Benchmark
    public CommandResult allFrame(AllFrame state) {
        return state.next();
    }

    @Benchmark
    public Object axon(Axon state) {
        return state.next();
    }
}
