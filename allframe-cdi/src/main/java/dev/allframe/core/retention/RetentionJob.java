package dev.allframe.core.retention;

import static java.util.Objects.requireNonNull;

import dev.allframe.core.config.RetentionSettings;
import dev.allframe.core.message.RetentionMessages;
import dev.allframe.core.work.Timer;
import dev.allframe.spi.event.IdempotencyKeys;
import dev.allframe.spi.saga.SagaStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.IntUnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Removes, every interval, the idempotency keys, closed idempotency scopes and finished sagas whose retention
 * passed, through the stores' SPI, one bounded batch per transaction. What an unfinished saga may still use stays:
 * keys and scopes go only once stored (closed) before the oldest unfinished saga started, with an hour to spare for
 * the clocks of other processes, which the store's times come from. A run is a task on the executor, brought back by
 * the timer once the last one ended: the first comes after the interval or five minutes, whichever is shorter, so
 * that a process restarted often still removes. Whatever a run throws is logged ({@code AF1190}) and the next run
 * still comes. Several processes may run it at once: the stores remove each row once. Closing it stops it between
 * batches.
 */
public final class RetentionJob implements AutoCloseable {

    /** How much earlier than the oldest unfinished saga's start keys are kept: other processes' clocks may lag. */
    static final Duration CLOCK_MARGIN = Duration.ofHours(1);

    /** The longest wait for the first run. */
    static final Duration FIRST_RUN_AT_MOST = Duration.ofMinutes(5);

    private static final Logger LOG = Logger.getLogger(RetentionJob.class.getName());

    private final RetentionSettings settings;
    private final IdempotencyKeys keys;
    private final Optional<SagaStore> sagas;
    private final Timer timer;
    private final Executor executor;
    private final Clock clock;
    private final Object lock = new Object();
    private Timer.Scheduled next;
    private volatile boolean closed;

    /**
     * @param sagas the store's sagas; empty when it keeps none (then no saga can be unfinished)
     */
    public RetentionJob(RetentionSettings settings, IdempotencyKeys keys, Optional<SagaStore> sagas, Timer timer,
                        Executor executor, Clock clock) {
        this.settings = requireNonNull(settings, "settings");
        this.keys = requireNonNull(keys, "keys");
        this.sagas = requireNonNull(sagas, "sagas");
        this.timer = requireNonNull(timer, "timer");
        this.executor = requireNonNull(executor, "executor");
        this.clock = requireNonNull(clock, "clock");
    }

    /** Starts runs, unless the settings keep everything for good; returns whether it did. */
    public boolean start() {
        if (!settings.prunes()) {
            return false;
        }
        Duration interval = settings.interval();
        schedule(interval.compareTo(FIRST_RUN_AT_MOST) < 0 ? interval : FIRST_RUN_AT_MOST);
        return true;
    }

    /** One run, in the calling thread: removes everything whose retention passed, batch by batch. */
    public Removed runOnce() {
        Instant now = clock.instant();
        int scopes = 0;
        int removedKeys = 0;
        int removedSagas = 0;
        if (settings.idempotencyKeys().isPresent()) {
            Instant before = keysBefore(now, settings.idempotencyKeys().get());
            scopes = drain(batch -> keys.pruneClosedScopes(before, batch));
            removedKeys = drain(batch -> keys.pruneIdempotencyKeys(before, batch));
        }
        if (settings.finishedSagas().isPresent() && sagas.isPresent()) {
            Instant before = earlier(now, settings.finishedSagas().get());
            removedSagas = drain(batch -> sagas.get().pruneFinished(before, batch));
        }
        Removed removed = new Removed(removedKeys, scopes, removedSagas);
        Level level = removed.nothing() ? Level.FINE : Level.INFO;
        LOG.log(level, () -> RetentionMessages.removed(removed.idempotencyKeys(), removed.closedScopes(),
                removed.finishedSagas()).toString());
        return removed;
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            if (next != null) {
                next.cancel();
            }
        }
    }

    /** The instant keys and scopes must be older than: their retention, held back by the oldest unfinished saga. */
    private Instant keysBefore(Instant now, Duration retention) {
        Instant before = earlier(now, retention);
        Optional<Instant> oldestUnfinished = sagas.flatMap(SagaStore::oldestUnfinishedStart);
        if (oldestUnfinished.isPresent()) {
            Instant kept = earlier(oldestUnfinished.get(), CLOCK_MARGIN);
            if (kept.isBefore(before)) {
                LOG.warning(RetentionMessages.keptForUnfinishedSaga(kept, retention, oldestUnfinished.get())
                        .toString());
                return kept;
            }
        }
        return before;
    }

    /** {@code duration} before {@code instant}; the epoch, before which nothing was stored, when that is earlier. */
    private static Instant earlier(Instant instant, Duration duration) {
        return duration.compareTo(Duration.between(Instant.EPOCH, instant)) >= 0 ? Instant.EPOCH
                : instant.minus(duration);
    }

    /** Removes batch after batch until one comes back short or the job is closed; how many it removed. */
    private int drain(IntUnaryOperator prune) {
        int batch = settings.batchSize();
        int total = 0;
        while (!closed) {
            int removed = prune.applyAsInt(batch);
            total += removed;
            if (removed < batch) {
                break;
            }
        }
        return total;
    }

    private void schedule(Duration delay) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            try {
                next = timer.schedule(delay, this::handOver);
            } catch (RejectedExecutionException stopping) {
                closed = true;
            }
        }
    }

    /** The timer's task: short, it hands the run to the executor. */
    private void handOver() {
        try {
            executor.execute(this::run);
        } catch (RejectedExecutionException stopping) {
            close();
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, e, () -> RetentionMessages.runFailed(settings.interval(), e).toString());
            schedule(settings.interval());
        }
    }

    /** Any throwable ends in the log, and the next run still comes. */
    private void run() {
        try {
            runOnce();
        } catch (Throwable e) {
            LOG.log(Level.WARNING, e, () -> RetentionMessages.runFailed(settings.interval(), e).toString());
        } finally {
            schedule(settings.interval());
        }
    }

    /** What one run removed. */
    public record Removed(int idempotencyKeys, int closedScopes, int finishedSagas) {

        public boolean nothing() {
            return idempotencyKeys == 0 && closedScopes == 0 && finishedSagas == 0;
        }
    }
}
