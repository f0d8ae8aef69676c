package dev.allframe.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.EventEnvelope;
import dev.allframe.command.IdempotencyScopeClosedException;
import dev.allframe.command.QueryConflictException;
import dev.allframe.core.EventIds;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.event.EventQuery;
import dev.allframe.event.QueryItem;
import dev.allframe.jpa.PostgresCondition.RequiresPostgres;
import dev.allframe.spi.conformance.ConformanceEvent;
import dev.allframe.spi.conformance.ConformanceSeat;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.AppendRequest;
import dev.allframe.spi.event.AppendResult;
import dev.allframe.spi.event.NewEvent;
import dev.allframe.spi.event.QueryCondition;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Appends on PostgreSQL in transactions that stay open (a caller's JTA transaction doing more work after its
 * dispatch): another JVM's append holds its transaction open, and this one's appends go on meanwhile, while a
 * reader reads only up to the open append's position until its transaction ended, committed, rolled back or dropped
 * with its killed process, and then reads on without passing over anything. Query conditions wait for the appends
 * below them and see what they stored.
 */
@RequiresPostgres
class LongTransactionsTest {

    private static final long WAIT_SECONDS = 30;

    @TempDir
    Path work;

    private final List<Process> children = new ArrayList<>();
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        children.forEach(Process::destroyForcibly);
        pool.shutdownNow();
    }

    @Test
    void appendsGoOnWhileAnotherProcessKeepsItsAppendsTransactionOpenAndReadersStopBelowIt() throws Exception {
        JpaEventStore store = TestDatabase.POSTGRESQL.freshStore();
        append(store, "before");
        Holder slow = hold("slow");
        long held = slow.position();

        Future<List<Long>> fast = pool.submit(() -> {
            List<Long> positions = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                positions.add(append(store, "fast-" + i % 4));
            }
            return positions;
        });
        List<Long> fastPositions = fast.get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertThat(fastPositions).as("taken after the open append's").allMatch(position -> position > held);
        assertThat(store.readAll(0, 100)).as("nothing read at or after the open append's position")
                .extracting(EventEnvelope::streamId).containsExactly("before");
        assertThat(store.headPosition()).isEqualTo(held - 1);

        slow.tell("commit");
        assertThat(slow.awaitLine()).isEqualTo("committed");

        List<EventEnvelope> log = store.readAll(0, 100);
        assertThat(log).extracting(EventEnvelope::globalPosition).isSorted().doesNotHaveDuplicates();
        assertThat(log).extracting(EventEnvelope::streamId).hasSize(22).startsWith("before", "slow");
        assertThat(log.get(1).globalPosition()).isEqualTo(held);
        assertThat(store.headPosition()).isEqualTo(log.get(21).globalPosition());
    }

    @Test
    void aReaderGoesPastTheUnusedPositionsOfARolledBackAppendOnceItsTransactionEnded() throws Exception {
        JpaEventStore store = TestDatabase.POSTGRESQL.freshStore();
        Holder slow = hold("slow");
        long held = slow.position();
        List<Long> after = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            after.add(pool.submit(() -> append(store, "fast")).get(WAIT_SECONDS, TimeUnit.SECONDS));
        }
        assertThat(store.readAll(0, 100)).isEmpty();

        slow.tell("rollback");
        assertThat(slow.awaitLine()).isEqualTo("rolled back");

        assertThat(store.readAll(0, 100)).extracting(EventEnvelope::globalPosition).containsExactlyElementsOf(after)
                .doesNotContain(held);
        assertThat(store.readAll(held - 1, 100)).extracting(EventEnvelope::streamId).containsOnly("fast");
    }

    @Test
    void aKilledProcessHoldingAnAppendHoldsUpNoReaderOnceTheDatabaseDroppedItsConnection() throws Exception {
        JpaEventStore store = TestDatabase.POSTGRESQL.freshStore();
        Holder slow = hold("slow");
        long held = slow.position();
        long fast = pool.submit(() -> append(store, "fast")).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(store.readAll(0, 100)).isEmpty();

        slow.process.destroyForcibly();
        assertThat(slow.process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

        awaitCondition(() -> !store.readAll(0, 100).isEmpty(), "the reader passes the killed process's append");
        assertThat(store.readAll(0, 100)).extracting(EventEnvelope::globalPosition).containsExactly(fast);
        assertThat(fast).isGreaterThan(held);
        assertThat(store.streamVersion("slow")).isZero();
    }

    @Test
    void aQueryConditionWaitsForTheAppendBelowItAndIsRefusedByWhatItCommitted() throws Exception {
        Inside inside = new Inside();
        JpaEventStore store = heldBy(inside);
        long decidedAt = store.headPosition();

        Future<?> first = pool.submit(() -> store.append(seat("seats-1", "s1")));
        assertThat(inside.entered.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        Future<?> second = pool.submit(() -> store.append(seat("seats-2", "s2")
                .onlyIf(new QueryCondition(courseSeats(), decidedAt))));
        awaitCondition(TestDatabase.POSTGRESQL::aTransactionWaitsForALock,
                "the second append waits for the first's transaction");
        assertThat(second).isNotDone();

        inside.release.countDown();
        first.get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThatThrownBy(() -> second.get(WAIT_SECONDS, TimeUnit.SECONDS)).cause()
                .isInstanceOf(QueryConflictException.class)
                .hasMessageContaining("but the event at position 1 (type 'ConformanceSeat' in stream 'seats-1')");
        assertThat(store.readAll(0, 100)).extracting(EventEnvelope::streamId).containsExactly("seats-1");
    }

    @Test
    void aQueryConditionWaitingForAnAppendThatRollsBackIsMet() throws Exception {
        JpaEventStore store = TestDatabase.POSTGRESQL.freshStore(seats());
        Inside inside = new Inside();
        store.subscribeInline(appended -> {
            inside.await(appended);
            if (appended.streamId().equals("seats-1")) {
                throw new IllegalStateException("the first append's transaction rolls back");
            }
        });
        long decidedAt = store.headPosition();

        Future<?> first = pool.submit(() -> store.append(seat("seats-1", "s1")));
        assertThat(inside.entered.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        Future<?> second = pool.submit(() -> store.append(seat("seats-2", "s2")
                .onlyIf(new QueryCondition(courseSeats(), decidedAt))));
        awaitCondition(TestDatabase.POSTGRESQL::aTransactionWaitsForALock,
                "the second append waits for the first's transaction");

        inside.release.countDown();
        assertThatThrownBy(() -> first.get(WAIT_SECONDS, TimeUnit.SECONDS)).hasRootCauseMessage(
                "the first append's transaction rolls back");
        second.get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(store.readAll(0, 100)).extracting(EventEnvelope::streamId).containsExactly("seats-2");
    }

    @Test
    void keyedAppendsOfOneScopeGoOnWhileAnotherOfItStaysOpen() throws Exception {
        Inside inside = new Inside();
        JpaEventStore store = heldBy(inside);

        Future<AppendResult> first = pool.submit(() -> store.append(keyed(seat("seats-1", "s1"), "key-1", "scope")));
        assertThat(inside.entered.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        AppendResult second = pool.submit(() -> store.append(keyed(seat("seats-2", "s2"), "key-2", "scope")))
                .get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(second.duplicate()).isFalse();

        inside.release.countDown();
        assertThat(first.get(WAIT_SECONDS, TimeUnit.SECONDS).duplicate()).isFalse();
        assertThat(store.readAll(0, 10)).extracting(EventEnvelope::streamId).containsExactly("seats-1", "seats-2");
    }

    @Test
    void aSecondUseOfAKeyWaitsForTheFirstAndAnswersWithWhatItStored() throws Exception {
        Inside inside = new Inside();
        JpaEventStore store = heldBy(inside);

        Future<AppendResult> first = pool.submit(() -> store.append(keyed(seat("seats-1", "s1"), "key", null)));
        assertThat(inside.entered.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        Future<AppendResult> second = pool.submit(() -> store.append(keyed(seat("seats-2", "s2"), "key", null)));
        awaitCondition(TestDatabase.POSTGRESQL::aTransactionWaitsForALock, "the second use waits for the first");
        assertThat(second).isNotDone();

        inside.release.countDown();
        AppendResult stored = first.get(WAIT_SECONDS, TimeUnit.SECONDS);
        AppendResult again = second.get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(again.duplicate()).isTrue();
        assertThat(again.streamId()).isEqualTo("seats-1");
        assertThat(again.events()).extracting(EventEnvelope::eventId)
                .containsExactlyElementsOf(stored.events().stream().map(EventEnvelope::eventId).toList());
        assertThat(store.readAll(0, 10)).extracting(EventEnvelope::streamId).containsExactly("seats-1");
        assertThat(store.streamVersion("seats-2")).isZero();
    }

    @Test
    void closingAScopeWaitsForItsOpenAppendAndNamesItThenRefusesTheNext() throws Exception {
        Inside inside = new Inside();
        JpaEventStore store = heldBy(inside);

        Future<AppendResult> open = pool.submit(() -> store.append(keyed(seat("seats-1", "s1"), "key-1", "scope")));
        assertThat(inside.entered.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        Future<List<AppendResult>> closing = pool.submit(() -> store.closeScope("scope"));
        awaitCondition(TestDatabase.POSTGRESQL::aTransactionWaitsForALock, "the closing waits for the open append");
        assertThat(closing).isNotDone();

        inside.release.countDown();
        open.get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(closing.get(WAIT_SECONDS, TimeUnit.SECONDS)).extracting(AppendResult::streamId)
                .containsExactly("seats-1");
        assertThatThrownBy(() -> store.append(keyed(seat("seats-2", "s2"), "key-2", "scope")))
                .isInstanceOf(IdempotencyScopeClosedException.class);
        assertThat(store.streamVersion("seats-2")).isZero();
    }

    private static AppendRequest keyed(AppendRequest request, String key, String scope) {
        return new AppendRequest(request.streamId(), request.condition(), request.events(), key, scope);
    }

    @Test
    void aTransactionReadsPastItsOwnOpenAppendWhileOthersStopBelowIt() throws Exception {
        TestDatabase.POSTGRESQL.freshStore();
        try (Connection appending = DriverManager.getConnection(TestDatabase.POSTGRESQL.jdbcUrl());
             Connection other = DriverManager.getConnection(TestDatabase.POSTGRESQL.jdbcUrl())) {
            appending.setAutoCommit(false);
            long taken = single(appending, "SELECT allframe_take_positions(2, false)");

            assertThat(taken).isEqualTo(2);
            assertThat(single(appending, "SELECT allframe_readable()")).as("in the appending transaction")
                    .isEqualTo(2);
            assertThat(single(other, "SELECT allframe_readable()")).as("elsewhere").isZero();

            appending.rollback();
            assertThat(single(other, "SELECT allframe_readable()")).as("once it ended").isEqualTo(2);
        }
    }

    /**
     * An inline rebuild's last batch holds appends: it waits for the transactions holding positions to end and keeps
     * others from taking any until it commits. A transaction holding positions may take more meanwhile (a JTA
     * transaction appending twice): on main the rebuild held the gate every append takes its positions through, and
     * the two waited for each other until the database failed one.
     */
    @Test
    void anInlineRebuildHoldingAppendsLetsATransactionHoldingPositionsTakeMoreAndKeepsNewOnesWaiting() throws Exception {
        JpaEventStore store = TestDatabase.POSTGRESQL.freshStore(seats());
        CountDownLatch caughtUp = new CountDownLatch(1);
        CountDownLatch ends = new CountDownLatch(1);
        try (Connection appending = PostgresWaits.transaction(); Connection next = PostgresWaits.transaction()) {
            assertThat(PostgresWaits.take(appending, false)).isEqualTo(1);
            Future<Boolean> rebuilt = pool.submit(() -> store.rebuildInline(() -> { }, 10, event -> { },
                    position -> { }, () -> {
                        caughtUp.countDown();
                        PostgresWaits.awaitRelease(ends);
                    }, () -> false));
            PostgresWaits.awaitWaiting("advisory", 1, "the rebuild waits for the transaction holding position 1");

            assertThat(PostgresWaits.take(appending, false)).as("the same transaction's next positions").isEqualTo(2);
            Future<Long> nextTakes = pool.submit(() -> PostgresWaits.take(next, false));
            PostgresWaits.awaitWaiting("advisory", 2, "a new transaction waits behind the rebuild");
            appending.rollback();
            assertThat(caughtUp.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("the rebuild caught up").isTrue();
            PostgresWaits.awaitWaiting("advisory", 1, "the new transaction waits until the rebuild commits");
            assertThat(nextTakes).isNotDone();

            ends.countDown();
            assertThat(rebuilt.get(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
            assertThat(nextTakes.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(3);
            next.rollback();
        } finally {
            ends.countDown();
        }
    }

    private static long single(Connection connection, String query) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    /** An inline listener that holds the first append's transaction open until released; later ones pass. */
    private static final class Inside {

        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        void await(AppendResult appended) {
            if (!appended.streamId().equals("seats-1")) {
                return;
            }
            entered.countDown();
            PostgresWaits.awaitRelease(release);
        }
    }

    /** An empty store of seats whose first append to {@code seats-1} {@code inside} holds open. */
    private static JpaEventStore heldBy(Inside inside) {
        JpaEventStore store = TestDatabase.POSTGRESQL.freshStore(seats());
        store.subscribeInline(inside::await);
        return store;
    }

    private static EventTypeRegistry seats() {
        return EventTypeRegistry.of(List.of(ConformanceEvent.class, ConformanceSeat.class));
    }

    private static EventQuery courseSeats() {
        return EventQuery.of(QueryItem.tagged("course:c1").withTypes("ConformanceSeat"));
    }

    private static AppendRequest seat(String stream, String student) {
        return new AppendRequest(stream, AppendCondition.any(), List.of(new NewEvent(EventIds.next(),
                "ConformanceSeat", 1, new ConformanceSeat("c1", student), null, null, Map.of(),
                new LinkedHashSet<>(List.of("course:c1", "student:" + student)))), null);
    }

    private static long append(JpaEventStore store, String stream) {
        return store.append(stream, AppendCondition.any(), List.of(new NewEvent(EventIds.next(), "ConformanceEvent",
                1, new ConformanceEvent(stream, 0), null, null, null))).events().get(0).globalPosition();
    }

    /** Waits for {@code condition}, failing after {@link #WAIT_SECONDS}. */
    private static void awaitCondition(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    /** Starts a {@link HoldingProcess} appending to {@code stream}, once it holds its append's transaction open. */
    private Holder hold(String stream) throws Exception {
        Process process = new ProcessBuilder(javaExecutable(), "-cp", System.getProperty("java.class.path"),
                HoldingProcess.class.getName(), TestDatabase.POSTGRESQL.jdbcUrl(), stream)
                .redirectError(work.resolve(stream + ".log").toFile()).start();
        children.add(process);
        Holder holder = new Holder(process, new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)), new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        String holding = holder.awaitLine();
        assertThat(holding).as("the child's first line; its errors are in %s", work.resolve(stream + ".log"))
                .startsWith("holding ");
        holder.position = Long.parseLong(holding.substring("holding ".length()));
        return holder;
    }

    /** The second JVM holding its append open, and the lines it writes. */
    private final class Holder {

        final Process process;
        private final BufferedReader out;
        private final Writer in;
        private long position;

        Holder(Process process, BufferedReader out, Writer in) {
            this.process = process;
            this.out = out;
            this.in = in;
        }

        long position() {
            return position;
        }

        void tell(String line) throws Exception {
            in.write(line + "\n");
            in.flush();
        }

        /** The next line that does not come from a logger, within {@link #WAIT_SECONDS}; {@code null} at the end. */
        String awaitLine() throws Exception {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, pool).get(WAIT_SECONDS * 2, TimeUnit.SECONDS);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : ""))
                .toString();
    }
}
