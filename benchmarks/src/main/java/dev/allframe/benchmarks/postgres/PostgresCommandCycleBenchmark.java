package dev.allframe.benchmarks.postgres;

import dev.allframe.benchmarks.bank.AccountOpened;
import dev.allframe.benchmarks.bank.AccountWorkload;
import dev.allframe.benchmarks.bank.BankHandlers;
import dev.allframe.benchmarks.bank.MoneyDeposited;
import dev.allframe.benchmarks.support.AllFrameBuses;
import dev.allframe.benchmarks.support.AxonBuses;
import dev.allframe.benchmarks.support.AxonJpaTransactions;
import dev.allframe.benchmarks.support.BenchDatabase;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.core.dispatch.CommandDispatcher;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
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
 * The whole command on PostgreSQL: load the account's events, fold, handle, append, commit (see
 * {@link AccountWorkload}), from one client and from eight at once, each client on its own accounts.
 * Axon runs its JPA storage engine tuned (bytea, JDBC batching) and without an aggregate cache, so it
 * loads from the database as well. Scores are commands per second, all clients together. Fifteen warm-up
 * iterations, not two: with eight clients AllFrame's rate keeps rising for about 30 s while the JIT compiles the
 * appending lanes and the reads (2,310, 2,740, 2,880, 3,540, 2,950, 3,680 commands/s in iterations 10 to 15, then
 * 3,540 measured; six iterations measured 1,790–2,810 on the same code), and every contender gets the same warm-up.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 15, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PostgresCommandCycleBenchmark {

    static final int POOL = 10;

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
            bus = AllFrameBuses.commandBus(database.allFrameStore(POOL),
                    EventTypeRegistry.of(List.of(AccountOpened.class, MoneyDeposited.class)), new BankHandlers());
        }

        @TearDown
        public void close() throws Exception {
            database.close();
        }
    }

    @State(Scope.Benchmark)
    public static class Axon {
        private BenchDatabase database;
        private AxonBuses.Accounts accounts;

        @Setup
        public void open() {
            database = BenchDatabase.create();
            AxonJpaTransactions transactions = new AxonJpaTransactions(database.axonUnit(POOL, true));
            JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
            accounts = AxonBuses.accounts(JpaEventStorageEngine.builder().entityManagerProvider(transactions)
                    .transactionManager(transactions).eventSerializer(serializer).snapshotSerializer(serializer)
                    .build(), transactions, null);
        }

        @TearDown
        public void close() throws Exception {
            accounts.close();
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
            return bank.handle(command, () -> { });
        }

        @TearDown
        public void close() throws Exception {
            bank.close();
        }
    }

    @Benchmark
    public Object allFrame1(AllFrame allFrame, Client client) {
        return allFrame.bus.dispatch(client.workload.next());
    }

    @Benchmark
    @Threads(8)
    public Object allFrame8(AllFrame allFrame, Client client) {
        return allFrame.bus.dispatch(client.workload.next());
    }

    @Benchmark
    public Object axon1(Axon axon, Client client) {
        return axon.accounts.dispatch(client.workload.next());
    }

    @Benchmark
    @Threads(8)
    public Object axon8(Axon axon, Client client) {
        return axon.accounts.dispatch(client.workload.next());
    }

    @Benchmark
    public Object raw1(RawClient raw, Client client) throws SQLException {
        return raw.handle(client.workload.next());
    }

    @Benchmark
    @Threads(8)
    public Object raw8(RawClient raw, Client client) throws SQLException {
        return raw.handle(client.workload.next());
    }
}
