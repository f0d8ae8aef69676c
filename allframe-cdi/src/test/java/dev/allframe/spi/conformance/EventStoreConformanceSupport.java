package dev.allframe.spi.conformance;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

import dev.allframe.EventEnvelope;
import dev.allframe.command.ConcurrencyConflictException;
import dev.allframe.core.EventIds;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.AppendRequest;
import dev.allframe.spi.event.AppendResult;
import dev.allframe.spi.event.EventStore;
import dev.allframe.spi.event.NewEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.LongStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the conformance test classes share: the store under test and helpers to build events, read
 * everything back and run tasks on several threads at once.
 *
 * <p>An implementation runs the suite by extending each abstract conformance test class and returning a
 * new, empty store from {@link #createStore()}; {@link #closeStore(EventStore)} releases it after each
 * test.
 */
public abstract class EventStoreConformanceSupport {

    /** The stored type name of every event the suite appends. */
    protected static final String TYPE_NAME = "ConformanceEvent";

    /** The stored schema version of every event the suite appends. */
    protected static final int SCHEMA_VERSION = 1;

    private static final int READ_BATCH = 500;

    private static final AtomicInteger THREAD_NUMBERS = new AtomicInteger();

    /** The store under test, new for each test. */
    protected EventStore store;

    /** Returns a new store holding no events, streams, idempotency keys or listeners. */
    protected abstract EventStore createStore();

    /** Releases a store made by {@link #createStore()}; does nothing by default. */
    protected void closeStore(EventStore store) {
    }

    /**
     * Whether appends that race number their events without a hole: {@code true} for a store whose appends take turns;
     * {@code false} for one whose racing appends may leave positions unused, so that its order is gap-safe but not
     * dense (a reader still never finds an event below a position it has seen).
     */
    protected boolean racingAppendsLeaveNoHole() {
        return true;
    }

    /**
     * Asserts that {@code log}, the whole log after racing appends, holds {@code count} events in increasing positions
     * up to the head: positions 1 to {@code count}, the head the last, when {@link #racingAppendsLeaveNoHole()}; else
     * the head at or after the last (positions taken after it stayed unused).
     */
    protected void assertRacedPositions(List<EventEnvelope> log, int count) {
        assertThat(log).hasSize(count);
        long last = count == 0 ? 0 : log.get(count - 1).globalPosition();
        if (racingAppendsLeaveNoHole()) {
            assertThat(log).extracting(EventEnvelope::globalPosition)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, count).boxed().toList());
            assertThat(store.headPosition()).isEqualTo(last);
        } else {
            assertThat(log).extracting(EventEnvelope::globalPosition).isSorted().doesNotHaveDuplicates();
            assertThat(store.headPosition()).isGreaterThanOrEqualTo(last);
            assertThat(store.readAll(last, 10)).isEmpty();
        }
    }

    /**
     * How long a test that runs several threads may take before it fails: a bound that catches a deadlock, far above
     * what the work takes (Derby needs about a minute on a busy 2-core machine), not a measure of speed.
     */
    protected Duration concurrentTestTimeout() {
        return Duration.ofMinutes(5);
    }

    @BeforeEach
    final void openStoreUnderTest() {
        store = requireNonNull(createStore(), "createStore() returned null");
    }

    @AfterEach
    final void closeStoreUnderTest() {
        if (store != null) {
            closeStore(store);
        }
    }

    /** A new event with a fresh id, no correlation, causation or metadata. */
    protected static NewEvent newEvent(String text, int number) {
        return new NewEvent(EventIds.next(), TYPE_NAME, SCHEMA_VERSION, new ConformanceEvent(text, number), null,
                null, Map.of());
    }

    /** {@code count} new events with the texts {@code prefix-0}, {@code prefix-1}... and numbers 0, 1... */
    protected static List<NewEvent> newEvents(String prefix, int count) {
        List<NewEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(newEvent(prefix + "-" + i, i));
        }
        return events;
    }

    /** Appends {@code events} to {@code streamId} whatever its version. */
    protected AppendResult appendAny(String streamId, List<NewEvent> events) {
        return store.append(streamId, AppendCondition.any(), events);
    }

    /** Appends {@code events} with an idempotency key. */
    protected AppendResult appendWithKey(String streamId, AppendCondition condition, List<NewEvent> events,
                                         String key) {
        return store.append(new AppendRequest(streamId, condition, events, key));
    }

    /** The whole global log, read in batches. */
    protected List<EventEnvelope> readWholeLog() {
        List<EventEnvelope> all = new ArrayList<>();
        long after = 0;
        while (true) {
            List<EventEnvelope> batch = store.readAll(after, READ_BATCH);
            if (batch.isEmpty()) {
                return all;
            }
            for (EventEnvelope envelope : batch) {
                assertThat(envelope.globalPosition()).as("position read after position %d", after)
                        .isGreaterThan(after);
                after = envelope.globalPosition();
            }
            all.addAll(batch);
        }
    }

    /** The whole stream, read in batches. */
    protected List<EventEnvelope> readWholeStream(String streamId) {
        List<EventEnvelope> all = new ArrayList<>();
        long from = 1;
        while (true) {
            List<EventEnvelope> batch = store.readStream(streamId, from, READ_BATCH);
            if (batch.isEmpty()) {
                return all;
            }
            for (EventEnvelope envelope : batch) {
                assertThat(envelope.streamVersion()).as("version of %s read from version %d", streamId, from)
                        .isGreaterThanOrEqualTo(from);
                from = envelope.streamVersion() + 1;
            }
            all.addAll(batch);
        }
    }

    /** Runs {@code append}, checks that it throws a {@link ConcurrencyConflictException} and returns it. */
    protected static ConcurrencyConflictException conflictOf(ThrowingCallable append) {
        Throwable thrown = catchThrowable(append);
        assertThat(thrown).isInstanceOf(ConcurrencyConflictException.class);
        return (ConcurrencyConflictException) thrown;
    }

    /**
     * Checks that {@code timestamp} lies between {@code before} and {@code after}. The lower bound is cut to
     * milliseconds: a database may keep less precision than {@link Instant#now()}.
     */
    protected static void assertTimestampBetween(Instant timestamp, Instant before, Instant after) {
        assertThat(timestamp).isNotNull().isBetween(before.truncatedTo(ChronoUnit.MILLIS), after);
    }

    /**
     * Starts {@code threads} tasks at the same moment (behind a barrier) and returns their results in task
     * order. Fails when a task throws or when they do not all finish within {@link #concurrentTestTimeout()}.
     */
    protected <T> List<T> runConcurrently(int threads, IntFunction<Callable<T>> tasks) throws InterruptedException {
        Duration timeout = concurrentTestTimeout();
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService executor = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "conformance-" + THREAD_NUMBERS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<T>> futures = new ArrayList<>(threads);
            for (int i = 0; i < threads; i++) {
                Callable<T> task = tasks.apply(i);
                futures.add(executor.submit(() -> {
                    start.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    return task.call();
                }));
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            List<T> results = new ArrayList<>(threads);
            for (int i = 0; i < threads; i++) {
                try {
                    results.add(futures.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
                } catch (ExecutionException e) {
                    throw new AssertionError("Task " + i + " failed: " + e.getCause(), e.getCause());
                } catch (TimeoutException e) {
                    fail("The tasks did not finish within " + timeout);
                }
            }
            return results;
        } finally {
            executor.shutdownNow();
            executor.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
