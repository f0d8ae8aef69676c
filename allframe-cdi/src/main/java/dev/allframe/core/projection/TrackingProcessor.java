package dev.allframe.core.projection;

import dev.allframe.AllFrameException;
import dev.allframe.EventEnvelope;
import dev.allframe.EventStoreException;
import dev.allframe.ProjectionFailedException;
import dev.allframe.ProjectionMode;
import dev.allframe.ProjectionState;
import dev.allframe.ProjectionStatus;
import dev.allframe.core.AllFrameMessages;
import dev.allframe.eventstore.CheckpointStore;
import dev.allframe.eventstore.ReadAllEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Feeds one async projection from the global log on a thread of its own: reads a batch after its
 * checkpoint, applies it and records the checkpoint (in one transaction where the checkpoint store has
 * them), and waits for the next append or the poll interval. A failing event is retried with backoff,
 * then the projection stops FAILED at that event until it is resumed; it never skips an event.
 */
final class TrackingProcessor {

    private static final Logger LOG = Logger.getLogger(TrackingProcessor.class.getName());

    private final BoundProjection projection;
    private final ReadAllEvents log;
    private final CheckpointStore checkpoints;
    private final ProjectionSettings settings;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    private long position;
    private Instant lastEventTime;
    private ProjectionStatus.Failure failure;
    private boolean paused;
    private boolean rebuilding;
    private boolean resetRequested;
    private long rebuildTarget;
    private boolean woken;
    private boolean stopped;
    private Thread thread;

    TrackingProcessor(BoundProjection projection, ReadAllEvents log, CheckpointStore checkpoints,
                      ProjectionSettings settings) {
        this.projection = projection;
        this.log = log;
        this.checkpoints = checkpoints;
        this.settings = settings;
    }

    String name() {
        return projection.name();
    }

    void start() {
        position = checkpoints.checkpoint(name());
        thread = new Thread(this::run, "allframe-projection-" + name());
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        locked(() -> stopped = true);
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Something was appended: look at the log now rather than at the next poll. */
    void wake() {
        locked(() -> woken = true);
    }

    void pause() {
        locked(() -> paused = true);
    }

    void resume() {
        locked(() -> {
            paused = false;
            failure = null;
        });
    }

    void rebuild() {
        if (!projection.resettable()) {
            throw new AllFrameException(AllFrameMessages.projectionNotRebuildable(name()));
        }
        long head = log.headPosition();
        locked(() -> {
            rebuilding = true;
            resetRequested = true;
            rebuildTarget = head;
            failure = null;
            paused = false;
        });
    }

    ProjectionStatus status(long head) {
        lock.lock();
        try {
            ProjectionState state = failure != null ? ProjectionState.FAILED : paused ? ProjectionState.PAUSED
                    : rebuilding ? ProjectionState.REBUILDING : ProjectionState.RUNNING;
            return new ProjectionStatus(name(), ProjectionMode.ASYNC, state, position, lastEventTime, head, failure,
                    rebuilding ? new ProjectionStatus.RebuildProgress(position, rebuildTarget) : null);
        } finally {
            lock.unlock();
        }
    }

    boolean awaitPosition(long target, Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (position < target) {
                if (nanos <= 0 || (failure != null && failure.position() <= target)) {
                    return false;
                }
                nanos = changed.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (true) {
            try {
                if (!waitUntilRunnable()) {
                    return;
                }
                if (takeResetRequest()) {
                    reset();
                }
                List<EventEnvelope> batch = read();
                if (batch.isEmpty()) {
                    if (!failed()) {
                        idle();
                    }
                } else {
                    applyWithRetries(batch);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, e, () -> AllFrameMessages.projectionStoreFailed(name()));
                if (!sleep(settings.pollInterval())) {
                    return;
                }
            }
        }
    }

    private void reset() {
        try {
            checkpoints.reset(name(), projection::reset);
        } catch (RuntimeException e) {
            locked(() -> resetRequested = true);
            throw e;
        }
        advance(0, null);
    }

    /**
     * The next batch. When the store cannot read an event in it (its type unknown, its payload no longer
     * readable), the batch is read again one event at a time up to that event, and the projection stops
     * FAILED at it with the store's message, rather than skipping it.
     */
    private List<EventEnvelope> read() {
        long after = position();
        try {
            return log.readAll(after, settings.batchSize());
        } catch (EventStoreException e) {
            List<EventEnvelope> readable = new ArrayList<>();
            long cursor = after;
            while (readable.size() < settings.batchSize()) {
                try {
                    List<EventEnvelope> one = log.readAll(cursor, 1);
                    if (one.isEmpty()) {
                        break;
                    }
                    readable.add(one.get(0));
                    cursor = one.get(0).globalPosition();
                } catch (EventStoreException unreadable) {
                    if (readable.isEmpty()) {
                        stopAtUnreadable(cursor + 1, unreadable);
                    }
                    break;
                }
            }
            return readable;
        }
    }

    private void stopAtUnreadable(long position, EventStoreException unreadable) {
        ProjectionStatus.Failure stopped = new ProjectionStatus.Failure(position, null, 0, null, unreadable.getMessage());
        locked(() -> failure = stopped);
        LOG.log(Level.WARNING, unreadable, () -> AllFrameMessages.projectionStopped(name(), position,
                unreadable.getMessage()));
    }

    private void applyWithRetries(List<EventEnvelope> batch) throws InterruptedException {
        List<EventEnvelope> events = batch;
        for (int attempt = 0; ; attempt++) {
            try {
                checkpoints.applyBatch(name(), events, projection::apply);
                EventEnvelope last = events.get(events.size() - 1);
                advance(last.globalPosition(), last.timestamp());
                return;
            } catch (ProjectionFailedException e) {
                advanceTo(checkpoints.checkpoint(name()), events);
                if (attempt >= settings.maxRetries()) {
                    stopAt(e, events);
                    return;
                }
                if (!sleep(settings.backoff(attempt))) {
                    throw new InterruptedException();
                }
                events = log.readAll(position(), settings.batchSize());
                if (events.isEmpty()) {
                    return;
                }
            }
        }
    }

    /** Applies what precedes the failing event, then stops the projection there. */
    private void stopAt(ProjectionFailedException failed, List<EventEnvelope> events) {
        long failing = failed.event().globalPosition();
        List<EventEnvelope> before = events.stream()
                .filter(e -> e.globalPosition() > position() && e.globalPosition() < failing).toList();
        ProjectionFailedException cause = failed;
        if (!before.isEmpty()) {
            try {
                checkpoints.applyBatch(name(), before, projection::apply);
                EventEnvelope last = before.get(before.size() - 1);
                advance(last.globalPosition(), last.timestamp());
            } catch (ProjectionFailedException earlier) {
                advanceTo(checkpoints.checkpoint(name()), events);
                cause = earlier;
            }
        }
        EventEnvelope event = cause.event();
        ProjectionStatus.Failure stopped = new ProjectionStatus.Failure(event.globalPosition(), event.streamId(),
                event.streamVersion(), event.typeName(), cause.getMessage());
        locked(() -> failure = stopped);
        ProjectionFailedException reported = cause;
        LOG.log(Level.WARNING, reported, () -> AllFrameMessages.projectionStopped(name(), event.globalPosition(),
                reported.getMessage()));
    }

    private boolean waitUntilRunnable() throws InterruptedException {
        lock.lock();
        try {
            while (!stopped && (paused || failure != null)) {
                changed.await();
            }
            return !stopped;
        } finally {
            lock.unlock();
        }
    }

    private boolean takeResetRequest() {
        lock.lock();
        try {
            boolean requested = resetRequested;
            resetRequested = false;
            return requested;
        } finally {
            lock.unlock();
        }
    }

    /** Caught up: ends a rebuild, then waits for an append or the poll interval. */
    private void idle() throws InterruptedException {
        lock.lock();
        try {
            if (rebuilding && !resetRequested && position >= rebuildTarget) {
                rebuilding = false;
                changed.signalAll();
            }
            if (!woken && !stopped) {
                changed.await(settings.pollInterval().toNanos(), TimeUnit.NANOSECONDS);
            }
            woken = false;
        } finally {
            lock.unlock();
        }
    }

    private boolean sleep(Duration duration) {
        lock.lock();
        try {
            long nanos = duration.toNanos();
            while (nanos > 0 && !stopped) {
                nanos = changed.awaitNanos(nanos);
            }
            return !stopped;
        } catch (InterruptedException e) {
            return false;
        } finally {
            lock.unlock();
        }
    }

    private boolean failed() {
        lock.lock();
        try {
            return failure != null;
        } finally {
            lock.unlock();
        }
    }

    private long position() {
        lock.lock();
        try {
            return position;
        } finally {
            lock.unlock();
        }
    }

    private void advance(long newPosition, Instant eventTime) {
        locked(() -> {
            position = newPosition;
            lastEventTime = eventTime;
        });
    }

    /** Moves to where the checkpoint store says the applied effects are, within {@code events}. */
    private void advanceTo(long checkpoint, List<EventEnvelope> events) {
        if (checkpoint == position()) {
            return;
        }
        Instant time = events.stream().filter(e -> e.globalPosition() == checkpoint).map(EventEnvelope::timestamp)
                .findFirst().orElse(null);
        advance(checkpoint, time);
    }

    private void locked(Runnable change) {
        lock.lock();
        try {
            change.run();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
