package dev.allframe.benchmarks.postgres;

import dev.allframe.benchmarks.memory.TwoNoopSteps;
import dev.allframe.benchmarks.support.BenchDatabase;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.core.saga.SagaEngine;
import dev.allframe.core.work.OwnThreads;
import dev.allframe.jpa.JpaEventStore;
import dev.allframe.saga.SagaOutcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
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
 * The two no-op steps of the in-memory saga benchmarks as a saga whose log the JPA store keeps on PostgreSQL, started
 * and awaited by one client: durable before each step's effect, so every write is a commit. Beside it, the least such
 * a log needs by hand with JDBC: the saga's row, then one write per step boundary (a step's end with the next one's
 * start), each committed, four commits in all, as AllFrame's engine writes it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PostgresSagaBenchmark {

    private BenchDatabase database;
    private ExecutorService steps;
    private ScheduledExecutorService scheduler;
    private SagaEngine engine;
    private Connection connection;
    private PreparedStatement startSaga;
    private PreparedStatement saveSaga;
    private PreparedStatement startStep;
    private PreparedStatement endStep;

    @Setup
    public void start() throws SQLException {
        database = BenchDatabase.create();
        JpaEventStore store = database.allFrameStore(4);
        steps = Executors.newFixedThreadPool(4);
        scheduler = OwnThreads.timer();
        engine = new SagaEngine(List.of(TwoNoopSteps.transfer("PostgresSagaBenchmark", steps, scheduler)), store,
                store, new EventTypeRegistry(), steps, Clock.systemUTC(), Duration.ofSeconds(30));
        database.execute("CREATE TABLE raw_sagas (id UUID PRIMARY KEY, state VARCHAR(20) NOT NULL,"
                        + " step INTEGER NOT NULL, input TEXT NOT NULL, updated_at TIMESTAMPTZ NOT NULL)",
                "CREATE TABLE raw_saga_steps (saga_id UUID NOT NULL, number INTEGER NOT NULL,"
                        + " result VARCHAR(20) NOT NULL, at TIMESTAMPTZ NOT NULL, PRIMARY KEY (saga_id, number))");
        connection = database.connect();
        startSaga = connection.prepareStatement("INSERT INTO raw_sagas VALUES (?, 'RUNNING', 0, ?, now())");
        saveSaga = connection.prepareStatement("UPDATE raw_sagas SET state = ?, step = ?, updated_at = now()"
                + " WHERE id = ?");
        startStep = connection.prepareStatement("INSERT INTO raw_saga_steps VALUES (?, ?, 'STARTED', now())");
        endStep = connection.prepareStatement("UPDATE raw_saga_steps SET result = 'SUCCEEDED', at = now()"
                + " WHERE saga_id = ? AND number = ?");
    }

    @TearDown
    public void stop() throws Exception {
        steps.shutdownNow();
        scheduler.shutdownNow();
        database.close();
    }

    @Benchmark
    public SagaOutcome allFrame() {
        SagaOutcome outcome = engine.start("transfer", "transfer");
        if (!(outcome instanceof SagaOutcome.Completed)) {
            throw new IllegalStateException("saga did not complete: " + outcome);
        }
        return outcome;
    }

    @Benchmark
    public UUID rawJdbc() throws SQLException {
        UUID id = UUID.randomUUID();
        startSaga.setObject(1, id);
        startSaga.setString(2, "\"transfer\"");
        startSaga.executeUpdate();
        connection.setAutoCommit(false);
        try {
            step(id, 1, 0);
            step(id, 2, 1);
            end(id, 2);
            saveSaga.setString(1, "COMPLETED");
            saveSaga.setInt(2, 2);
            saveSaga.setObject(3, id);
            saveSaga.executeUpdate();
            connection.commit();
        } finally {
            connection.setAutoCommit(true);
        }
        return id;
    }

    /** Ends step {@code previous} (none when 0) and starts step {@code step}, in one commit. */
    private void step(UUID id, int step, int previous) throws SQLException {
        if (previous > 0) {
            end(id, previous);
        }
        saveSaga.setString(1, "RUNNING");
        saveSaga.setInt(2, step);
        saveSaga.setObject(3, id);
        saveSaga.executeUpdate();
        startStep.setObject(1, id);
        startStep.setInt(2, step);
        startStep.executeUpdate();
        connection.commit();
    }

    private void end(UUID id, int step) throws SQLException {
        endStep.setObject(1, id);
        endStep.setInt(2, step);
        endStep.executeUpdate();
    }
}
