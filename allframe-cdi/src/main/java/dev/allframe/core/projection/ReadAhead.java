package dev.allframe.core.projection;

import dev.allframe.EventEnvelope;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The next batch of a projection catching up, read on another thread of its executor while the batch before it is
 * applied and committed, so that reading and committing overlap. It is only a head start: the processor takes it when
 * its position is still where the batch was read after, and reads by itself otherwise, or when the read-ahead has not
 * started yet (then it never starts, so that no thread waits for a task queued behind it) or failed (the processor's
 * own read then meets the failure and reports it).
 */
final class ReadAhead implements Runnable {

    private static final int QUEUED = 0;
    private static final int STARTED = 1;
    private static final int DROPPED = 2;

    private final long after;
    private final Supplier<List<EventEnvelope>> read;
    private final AtomicInteger state = new AtomicInteger(QUEUED);
    private final CompletableFuture<List<EventEnvelope>> batch = new CompletableFuture<>();

    private ReadAhead(long after, Supplier<List<EventEnvelope>> read) {
        this.after = after;
        this.read = read;
    }

    /** Starts reading the batch after {@code after} on {@code executor}; {@code null} when the executor refuses. */
    static ReadAhead start(long after, Supplier<List<EventEnvelope>> read, Executor executor) {
        ReadAhead ahead = new ReadAhead(after, read);
        try {
            executor.execute(ahead);
            return ahead;
        } catch (RejectedExecutionException stopping) {
            return null;
        }
    }

    @Override
    public void run() {
        if (!state.compareAndSet(QUEUED, STARTED)) {
            return;
        }
        try {
            batch.complete(read.get());
        } catch (Throwable failed) {
            batch.completeExceptionally(failed);
        }
    }

    /**
     * The batch read after {@code position}, once read; {@code null} when it was read after another position, has not
     * started, or failed. Either way the read-ahead is done with.
     */
    List<EventEnvelope> take(long position) {
        if (state.compareAndSet(QUEUED, DROPPED) || position != after) {
            return null;
        }
        try {
            return batch.join();
        } catch (CompletionException failed) {
            return null;
        }
    }
}
