package dev.allframe.core.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.EventEnvelope;
import dev.allframe.testing.QueuedExecutor;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A read-ahead is a head start only: taken when the position is still where it read after and it has run; dropped
 * unread when it has not started, so that nobody waits for a task queued behind them; ignored when it failed.
 */
class ReadAheadTest {

    private static final List<EventEnvelope> BATCH = List.of(new EventEnvelope(UUID.randomUUID(), "s", 1, 8, "T", 1,
            Instant.EPOCH, null, null, Map.of(), "event"));

    private final QueuedExecutor executor = new QueuedExecutor();
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void aBatchReadAheadIsTakenAtThePositionItWasReadAfter() {
        ReadAhead ahead = ReadAhead.start(7, this::read, executor);
        executor.runAll();

        assertThat(ahead.take(7)).isEqualTo(BATCH);
        assertThat(reads).hasValue(1);
    }

    @Test
    void aBatchReadAfterAnotherPositionIsNotTaken() {
        ReadAhead ahead = ReadAhead.start(7, this::read, executor);
        executor.runAll();

        assertThat(ahead.take(3)).isNull();
    }

    @Test
    void aReadAheadNotStartedIsDroppedAndNeverReads() {
        ReadAhead ahead = ReadAhead.start(7, this::read, executor);

        assertThat(ahead.take(7)).isNull();
        executor.runAll();
        assertThat(reads).hasValue(0);
    }

    @Test
    void aFailedReadAheadLeavesTheReadToTheProcessor() {
        ReadAhead ahead = ReadAhead.start(7, () -> {
            throw new IllegalStateException("database gone");
        }, executor);
        executor.runAll();

        assertThat(ahead.take(7)).isNull();
    }

    @Test
    void anExecutorThatRefusesMeansNoReadAhead() {
        assertThat(ReadAhead.start(7, this::read, task -> {
            throw new RejectedExecutionException("stopping");
        })).isNull();
    }

    private List<EventEnvelope> read() {
        reads.incrementAndGet();
        return BATCH;
    }
}
