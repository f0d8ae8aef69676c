package dev.allframe.benchmarks.postgres;

import dev.allframe.benchmarks.bank.ItemAdded;
import dev.allframe.benchmarks.support.AxonJpaTransactions;
import dev.allframe.benchmarks.support.BenchDatabase;
import dev.allframe.core.EventIds;
import dev.allframe.jpa.JpaEventStore;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.AppendRequest;
import dev.allframe.spi.event.AppendResult;
import dev.allframe.spi.event.NewEvent;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Appends to PostgreSQL, one event per transaction and a hundred per transaction (about 200 bytes of JSON
 * each), from one client. Scores are events per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PostgresAppendBenchmark {

    static final int BATCH = 100;

    /** Events per append: {@code 1} or {@link #BATCH}; each benchmark method sets its own. */
    @State(Scope.Thread)
    public abstract static class Contender {
        BenchDatabase database;
        Carts carts;

        abstract int eventsPerAppend();

        @Setup
        public void open() throws Exception {
            database = BenchDatabase.create();
            carts = new Carts(eventsPerAppend());
            start();
        }

        abstract void start() throws Exception;

        @TearDown
        public void close() throws Exception {
            database.close();
        }
    }

    public abstract static class AllFrame extends Contender {
        private JpaEventStore store;

        @Override
        void start() {
            store = database.allFrameStore(2);
        }

        AppendResult append() {
            carts.next();
            List<NewEvent> events = new ArrayList<>(carts.events());
            for (int i = 0; i < carts.events(); i++) {
                events.add(new NewEvent(EventIds.next(), "ItemAdded", 1,
                        ItemAdded.sample(carts.stream(), carts.sequence() + i), null, null, null));
            }
            return store.append(new AppendRequest(carts.stream(), AppendCondition.streamVersionEq(carts.version()),
                    events, null));
        }
    }

    public static class AllFrameOne extends AllFrame {
        @Override
        int eventsPerAppend() {
            return 1;
        }
    }

    public static class AllFrameBatch extends AllFrame {
        @Override
        int eventsPerAppend() {
            return BATCH;
        }
    }

    public abstract static class Axon extends Contender {
        private AxonJpaTransactions transactions;
        private JpaEventStorageEngine engine;

        abstract boolean tuned();

        @Override
        void start() {
            transactions = new AxonJpaTransactions(database.axonUnit(2, tuned()));
            JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
            engine = JpaEventStorageEngine.builder().entityManagerProvider(transactions)
                    .transactionManager(transactions).eventSerializer(serializer).snapshotSerializer(serializer)
                    .build();
        }

        Object append() {
            carts.next();
            List<EventMessage<?>> events = new ArrayList<>(carts.events());
            for (int i = 0; i < carts.events(); i++) {
                events.add(new GenericDomainEventMessage<>("Cart", carts.stream(), carts.version() + i,
                        ItemAdded.sample(carts.stream(), carts.sequence() + i)));
            }
            Transaction transaction = transactions.startTransaction();
            try {
                engine.appendEvents(events);
                transaction.commit();
            } catch (RuntimeException e) {
                transaction.rollback();
                throw e;
            }
            return events;
        }
    }

    public static class AxonDefaultOne extends Axon {
        @Override
        int eventsPerAppend() {
            return 1;
        }

        @Override
        boolean tuned() {
            return false;
        }
    }

    public static class AxonDefaultBatch extends AxonDefaultOne {
        @Override
        int eventsPerAppend() {
            return BATCH;
        }
    }

    public static class AxonTunedOne extends AxonDefaultOne {
        @Override
        boolean tuned() {
            return true;
        }
    }

    public static class AxonTunedBatch extends AxonTunedOne {
        @Override
        int eventsPerAppend() {
            return BATCH;
        }
    }

    public abstract static class Raw extends Contender {
        private final Jsonb jsonb = JsonbBuilder.create();
        private Connection connection;
        private PreparedStatement insert;
        private long position;

        @Override
        void start() throws SQLException {
            database.allFrameStore(1);
            RawEvents.createTable(database);
            connection = database.connect();
            connection.setAutoCommit(eventsPerAppend() == 1);
            insert = RawEvents.prepare(connection);
        }

        Object append() throws SQLException {
            carts.next();
            if (carts.events() == 1) {
                bind(0);
                return insert.executeUpdate();
            }
            for (int i = 0; i < carts.events(); i++) {
                bind(i);
                insert.addBatch();
            }
            int[] counts = insert.executeBatch();
            connection.commit();
            return counts;
        }

        private void bind(int i) throws SQLException {
            RawEvents.bind(insert, ++position, carts.stream(), carts.version() + i + 1, "ItemAdded",
                    jsonb.toJson(ItemAdded.sample(carts.stream(), carts.sequence() + i)));
        }

        @Override
        public void close() throws Exception {
            jsonb.close();
            super.close();
        }
    }

    public static class RawOne extends Raw {
        @Override
        int eventsPerAppend() {
            return 1;
        }
    }

    public static class RawBatch extends Raw {
        @Override
        int eventsPerAppend() {
            return BATCH;
        }
    }

    @Benchmark
    public Object allFrame1(AllFrameOne state) {
        return state.append();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object allFrame100(AllFrameBatch state) {
        return state.append();
    }

    @Benchmark
    public Object axonDefault1(AxonDefaultOne state) {
        return state.append();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object axonDefault100(AxonDefaultBatch state) {
        return state.append();
    }

    @Benchmark
    public Object axonTuned1(AxonTunedOne state) {
        return state.append();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object axonTuned100(AxonTunedBatch state) {
        return state.append();
    }

    @Benchmark
    public Object raw1(RawOne state) throws SQLException {
        return state.append();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object raw100(RawBatch state) throws SQLException {
        return state.append();
    }
}
