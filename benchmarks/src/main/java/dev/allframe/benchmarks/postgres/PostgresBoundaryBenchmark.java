package dev.allframe.benchmarks.postgres;

import dev.allframe.EventEnvelope;
import dev.allframe.benchmarks.bank.ItemAdded;
import dev.allframe.benchmarks.support.BenchDatabase;
import dev.allframe.core.EventIds;
import dev.allframe.event.EventQuery;
import dev.allframe.event.QueryItem;
import dev.allframe.jpa.JpaEventStore;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.AppendRequest;
import dev.allframe.spi.event.AppendResult;
import dev.allframe.spi.event.NewEvent;
import dev.allframe.spi.event.QueryCondition;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Appends decided over a query (dynamic consistency boundaries) on PostgreSQL, one event each (about 200 bytes of
 * JSON and two tags), beside AllFrame's stream append and a raw JDBC insert in the same run, from one client and from
 * eight, each client on its own course so that no append conflicts: a conditional append (the condition one type and
 * one tag after the client's last append), and a decision as a command deciding on a course and a student makes it
 * (the head read, the events of the course or of the student read, then an append of an event carrying both tags
 * conditioned on no such event after the later of the head and the last one read). Scores are appends per second, all clients together.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PostgresBoundaryBenchmark {

    static final int POOL = 10;
    /** The courses and students of a client a decision is made for, in turn: each decision reads a few events. */
    static final int STUDENTS = 1_000;

    @State(Scope.Benchmark)
    public static class Store {
        BenchDatabase database;
        JpaEventStore store;

        @Setup
        public void open() {
            database = BenchDatabase.create();
            store = database.allFrameStore(POOL);
        }

        @TearDown
        public void close() throws Exception {
            database.close();
        }
    }

    /** A client's own course and stream. */
    @State(Scope.Thread)
    public static class Client {
        private static final AtomicInteger CLIENTS = new AtomicInteger();

        final int number = CLIENTS.incrementAndGet();
        final String course = "course:" + number;
        final String stream = "client-" + number;
        final EventQuery courseSeats = EventQuery.of(QueryItem.tagged(course).withTypes("ItemAdded"));
        long version;
        long seen;
        long sequence;

        NewEvent next(Set<String> tags) {
            sequence++;
            return new NewEvent(EventIds.next(), "ItemAdded", 1, ItemAdded.sample(stream, sequence), null, null,
                    Map.of(), tags);
        }

        String student() {
            return "student:" + number + "-" + sequence * 7 % STUDENTS;
        }
    }

    public static class Raw {
        private static final AtomicLong POSITIONS = new AtomicLong(1_000_000_000L);
        private final Jsonb jsonb = JsonbBuilder.create();
        private Connection connection;
        private PreparedStatement insert;

        @State(Scope.Benchmark)
        public static class Table {
            BenchDatabase database;

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

        @State(Scope.Thread)
        public static class Session {
            final Raw raw = new Raw();

            @Setup
            public void open(Table table) throws SQLException {
                raw.connection = table.database.connect();
                raw.connection.setAutoCommit(true);
                raw.insert = RawEvents.prepare(raw.connection);
            }

            @TearDown
            public void close() throws Exception {
                raw.jsonb.close();
            }
        }

        int insert(Client client) throws SQLException {
            client.sequence++;
            RawEvents.bind(insert, POSITIONS.incrementAndGet(), client.stream, client.sequence, "ItemAdded",
                    jsonb.toJson(ItemAdded.sample(client.stream, client.sequence)));
            return insert.executeUpdate();
        }
    }

    private static AppendResult streamAppend(Store store, Client client) {
        AppendResult result = store.store.append(new AppendRequest(client.stream,
                AppendCondition.streamVersionEq(client.version), List.of(client.next(Set.of())), null));
        client.version = result.streamVersion();
        return result;
    }

    private static AppendResult conditionalAppend(Store store, Client client) {
        AppendResult result = store.store.append(new AppendRequest(client.stream, AppendCondition.any(),
                List.of(client.next(Set.of(client.course, client.student()))), null)
                .onlyIf(new QueryCondition(client.courseSeats, client.seen)));
        client.seen = result.events().get(0).globalPosition();
        return result;
    }

    private static AppendResult decision(Store store, Client client) {
        String course = "course:" + client.number + "-" + client.sequence % STUDENTS;
        String student = client.student();
        EventQuery query = EventQuery.of(QueryItem.tagged(course), QueryItem.tagged(student));
        long head = store.store.headPosition();
        List<EventEnvelope> read = store.store.read(query, 0, 1_000);
        long after = Math.max(head, read.isEmpty() ? 0 : read.get(read.size() - 1).globalPosition());
        return store.store.append(new AppendRequest(client.stream, AppendCondition.any(),
                List.of(client.next(Set.of(course, student))), null).onlyIf(new QueryCondition(query, after)));
    }

    @Benchmark
    public Object streamAppend1(Store store, Client client) {
        return streamAppend(store, client);
    }

    @Benchmark
    @Threads(8)
    public Object streamAppend8(Store store, Client client) {
        return streamAppend(store, client);
    }

    @Benchmark
    public Object conditionalAppend1(Store store, Client client) {
        return conditionalAppend(store, client);
    }

    @Benchmark
    @Threads(8)
    public Object conditionalAppend8(Store store, Client client) {
        return conditionalAppend(store, client);
    }

    @Benchmark
    public Object decision1(Store store, Client client) {
        return decision(store, client);
    }

    @Benchmark
    @Threads(8)
    public Object decision8(Store store, Client client) {
        return decision(store, client);
    }

    @Benchmark
    public Object raw1(Raw.Session session, Client client) throws SQLException {
        return session.raw.insert(client);
    }

    @Benchmark
    @Threads(8)
    public Object raw8(Raw.Session session, Client client) throws SQLException {
        return session.raw.insert(client);
    }
}
