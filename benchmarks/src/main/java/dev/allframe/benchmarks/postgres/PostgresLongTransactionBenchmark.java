package dev.allframe.benchmarks.postgres;

import dev.allframe.benchmarks.bank.AccountOpened;
import dev.allframe.benchmarks.bank.AccountWorkload;
import dev.allframe.benchmarks.bank.BankHandlers;
import dev.allframe.benchmarks.bank.MoneyDeposited;
import dev.allframe.benchmarks.support.AllFrameBuses;
import dev.allframe.benchmarks.support.BenchDatabase;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.core.dispatch.CommandDispatcher;
import dev.allframe.jpa.JpaEventStore;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * A command inside a longer business transaction, as a {@code @Transactional} method that dispatches and then does
 * {@value #WORK_MILLIS} ms more work before its commit, from eight clients at once, each on its own accounts (see
 * {@link AccountWorkload}). AllFrame's append runs in a transaction of the JPA store that stays open for that work (an
 * inline listener does it, inside the append's transaction, as a JTA caller's code would after the dispatch); the
 * baseline reads the stream, inserts the event into a table of its own with plain JDBC, does the same work and
 * commits. Scores are commands per second, all clients together: where an append held a lock through its caller's
 * transaction, the clients' transactions would run one after the other.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PostgresLongTransactionBenchmark {

    static final int POOL = 10;
    /** The other work of each business transaction, after its dispatch. */
    static final long WORK_MILLIS = 5;

    /** Each client's own accounts. */
    @State(Scope.Thread)
    public static class Client {
        private static final AtomicInteger CLIENTS = new AtomicInteger();
        final AccountWorkload workload = new AccountWorkload("client-" + CLIENTS.incrementAndGet() + "-account-");
    }

    @State(Scope.Benchmark)
    public static class AllFrame {
        private BenchDatabase database;
        private CommandDispatcher bus;

        @Setup
        public void open() {
            database = BenchDatabase.create();
            JpaEventStore store = database.allFrameStore(POOL);
            store.subscribeInline(appended -> work());
            bus = AllFrameBuses.commandBus(store,
                    EventTypeRegistry.of(List.of(AccountOpened.class, MoneyDeposited.class)), new BankHandlers());
        }

        @TearDown
        public void close() throws Exception {
            database.close();
        }
    }

    @State(Scope.Benchmark)
    public static class RawTable {
        private final AtomicLong positions = new AtomicLong();
        private BenchDatabase database;

        @Setup
        public void open() {
            database = BenchDatabase.create();
            database.allFrameStore(1);
            RawEvents.createTable(database);
        }

        @TearDown
        public void close() throws Exception {
            database.close();
        }
    }

    /** One client's connection to the raw table. */
    @State(Scope.Thread)
    public static class RawClient {
        private RawBank bank;

        @Setup
        public void open(RawTable table) throws SQLException {
            bank = new RawBank(table.database, table.positions);
        }

        Object handle(Object command) throws SQLException {
            return bank.handle(command, PostgresLongTransactionBenchmark::work);
        }

        @TearDown
        public void close() throws Exception {
            bank.close();
        }
    }

    /** The business transaction's other work: time it spends, holding what it holds. */
    static void work() {
        try {
            Thread.sleep(WORK_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Benchmark
    @Threads(8)
    public Object allFrame8(AllFrame allFrame, Client client) {
        return allFrame.bus.dispatch(client.workload.next());
    }

    @Benchmark
    @Threads(8)
    public Object raw8(RawClient raw, Client client) throws SQLException {
        return raw.handle(client.workload.next());
    }
}
