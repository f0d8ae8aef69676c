package dev.allframe.benchmarks.postgres;

import dev.allframe.AllFrameDeploymentException;
import dev.allframe.benchmarks.bank.ItemAdded;
import dev.allframe.benchmarks.support.BenchDatabase;
import dev.allframe.core.Problems;
import dev.allframe.core.projection.BoundProjection;
import dev.allframe.core.projection.ProjectionEngine;
import dev.allframe.core.projection.ProjectionInspector.ProjectionBean;
import dev.allframe.core.projection.ProjectionInspector;
import dev.allframe.core.projection.ProjectionModel;
import dev.allframe.core.projection.ProjectionSettings;
import dev.allframe.core.work.Lane;
import dev.allframe.core.work.LaneWorkers;
import dev.allframe.jpa.JpaEventStore;
import dev.allframe.projection.EventHandler;
import dev.allframe.projection.ProjectionMode;
import dev.allframe.projection.ReadModel;
import dev.allframe.spi.StoreCapabilities;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * An async projection catching up with {@code events} stored events from position 0, in batches of
 * {@value #BATCH} with its checkpoint in the database, against a raw JDBC scan of the same rows in pages
 * of the same size. One measurement is the whole catch-up. A catch-up runs too briefly for the JIT to have compiled
 * its paths after a few shots: the read and decode paths run once per event and are compiled by the sixth shot, but
 * the batch's transaction runs once per batch, 200 times a shot, and the shots still got faster until about the
 * twentieth (from about 550 ms at shots 7 to 12 to about 420 ms at shots 15 to 25, in one run of 25), so twenty shots
 * warm up. A suite with one warm-up shot had reported the ratio at 0.29× one time and 0.5× another.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 20)
@Measurement(iterations = 6)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ProjectionCatchUpBenchmark {

    static final int BATCH = 500;
    static final String NAME = "items";

    @Param("100000")
    public int events;

    private BenchDatabase database;
    private JpaEventStore store;
    private final LaneWorkers workers = LaneWorkers.own(Clock.systemUTC());
    private ProjectionModel model;

    /** The projection: counts what it is given. */
    public static class ItemCounter {
        long count;

        @EventHandler
        void on(ItemAdded event) {
            count++;
        }
    }

    @Setup
    public void seed() throws SQLException {
        database = BenchDatabase.create();
        store = database.allFrameStore(4);
        try (Jsonb jsonb = JsonbBuilder.create(); Connection connection = database.connect();
             PreparedStatement insert = connection.prepareStatement(RawEvents.INSERT.replace("raw_events",
                     "allframe_events"))) {
            connection.setAutoCommit(false);
            for (int n = 0; n < events; n++) {
                String stream = "cart-" + n / 10;
                RawEvents.bind(insert, n + 1, stream, n % 10 + 1, "ItemAdded", jsonb.toJson(ItemAdded.sample(stream, n)));
                insert.addBatch();
                if (n % 1000 == 999 || n == events - 1) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
        } catch (Exception e) {
            throw new SQLException(e);
        }
        database.execute("UPDATE allframe_head SET head_position = " + events,
                "SELECT setval('allframe_positions', " + events + ")", "ANALYZE allframe_events");
        Problems problems = new Problems();
        model = ProjectionInspector.inspect(List.of(new ProjectionBean(ItemCounter.class, NAME,
                ProjectionMode.ASYNC, ReadModel.STORED)), problems).get(0);
        if (!problems.messages().isEmpty()) {
            throw new AllFrameDeploymentException(problems.messages());
        }
    }

    @Setup(Level.Iteration)
    public void fromTheStart() {
        database.execute("DELETE FROM allframe_checkpoints");
    }

    @TearDown
    public void close() throws Exception {
        workers.close();
        database.close();
    }

    @Benchmark
    public long allFrame() throws InterruptedException {
        ItemCounter counter = new ItemCounter();
        Problems problems = new Problems();
        try (ProjectionEngine engine = ProjectionEngine.create(StoreCapabilities.of(store), "the JPA store",
                new ProjectionSettings(BATCH, Duration.ofSeconds(1), 0, Duration.ofMillis(100)),
                List.of(new BoundProjection(model, counter)), workers.executor(Lane.PROJECTIONS), workers.timer(),
                Clock.systemUTC(), problems).orElseThrow(() -> new AllFrameDeploymentException(problems.messages()))) {
            engine.start();
            if (!engine.awaitPosition(NAME, events, Duration.ofMinutes(5))) {
                throw new IllegalStateException("the projection did not catch up: " + engine.status(NAME));
            }
        }
        return counter.count;
    }

    @Benchmark
    public long rawJdbc() throws SQLException {
        long count = 0;
        long after = 0;
        try (Connection connection = database.connect();
             PreparedStatement page = connection.prepareStatement("SELECT global_position, event_id, stream_id,"
                     + " stream_version, type_name, schema_version, payload, metadata, correlation_id, causation_id,"
                     + " recorded_at FROM allframe_events WHERE global_position > ? ORDER BY global_position LIMIT ?")) {
            page.setInt(2, BATCH);
            int read;
            do {
                read = 0;
                page.setLong(1, after);
                try (ResultSet rows = page.executeQuery()) {
                    while (rows.next()) {
                        after = rows.getLong(1);
                        for (int column = 2; column <= 11; column++) {
                            rows.getObject(column);
                        }
                        read++;
                    }
                }
                count += read;
            } while (read == BATCH);
        }
        return count;
    }
}
