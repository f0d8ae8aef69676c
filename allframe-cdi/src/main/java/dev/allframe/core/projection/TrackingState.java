package dev.allframe.core.projection;

import dev.allframe.EventEnvelope;
import dev.allframe.projection.ProjectionMode;
import dev.allframe.projection.ProjectionState;
import dev.allframe.projection.ProjectionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What a tracking processor's thread and its callers share, under one lock: how far the projection has
 * got, whether it is paused, rebuilding or failed, and the signals between them. Every change wakes
 * whoever waits.
 */
final class TrackingState {

    private final String name;
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

    TrackingState(String name) {
        this.name = name;
    }

    ProjectionStatus status(long head) {
        lock.lock();
        try {
            ProjectionState state = failure != null ? ProjectionState.FAILED : paused ? ProjectionState.PAUSED
                    : rebuilding ? ProjectionState.REBUILDING : ProjectionState.RUNNING;
            return new ProjectionStatus(name, ProjectionMode.ASYNC, state, position, lastEventTime, head, failure,
                    rebuilding ? new ProjectionStatus.RebuildProgress(position, rebuildTarget) : null);
        } finally {
            lock.unlock();
        }
    }

    /** Waits for {@code target}; gives up at the timeout, or at once when a failure stands in the way. */
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

    void wake() {
        change(() -> woken = true);
    }

    void stop() {
        change(() -> stopped = true);
    }

    void pause() {
        change(() -> paused = true);
    }

    void resume() {
        change(() -> {
            paused = false;
            failure = null;
        });
    }

    void requestRebuild(long target) {
        change(() -> {
            rebuilding = true;
            resetRequested = true;
            rebuildTarget = target;
            failure = null;
            paused = false;
        });
    }

    /** A reset that failed is asked for again, so that the rebuild is not lost. */
    void requestReset() {
        change(() -> resetRequested = true);
    }

    boolean takeResetRequest() {
        lock.lock();
        try {
            boolean requested = resetRequested;
            resetRequested = false;
            return requested;
        } finally {
            lock.unlock();
        }
    }

    void fail(ProjectionStatus.Failure stopped) {
        change(() -> failure = stopped);
    }

    boolean failed() {
        lock.lock();
        try {
            return failure != null;
        } finally {
            lock.unlock();
        }
    }

    long position() {
        lock.lock();
        try {
            return position;
        } finally {
            lock.unlock();
        }
    }

    void advance(long newPosition, Instant eventTime) {
        change(() -> {
            position = newPosition;
            lastEventTime = eventTime;
        });
    }

    /** Moves to where the checkpoint store says the applied effects are, within {@code events}. */
    void advanceTo(long checkpoint, List<EventEnvelope> events) {
        if (checkpoint == position()) {
            return;
        }
        Instant time = events.stream().filter(e -> e.globalPosition() == checkpoint).map(EventEnvelope::timestamp)
                .findFirst().orElse(null);
        advance(checkpoint, time);
    }

    /** Blocks while paused or failed; {@code false} once stopped. */
    boolean awaitRunnable() throws InterruptedException {
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

    /** Caught up: ends a rebuild, then waits for an append or {@code pollInterval}. */
    void idle(Duration pollInterval) throws InterruptedException {
        lock.lock();
        try {
            if (rebuilding && !resetRequested && position >= rebuildTarget) {
                rebuilding = false;
                changed.signalAll();
            }
            if (!woken && !stopped) {
                changed.await(pollInterval.toNanos(), TimeUnit.NANOSECONDS);
            }
            woken = false;
        } finally {
            lock.unlock();
        }
    }

    /** Waits {@code duration} unless stopped meanwhile; {@code false} once stopped. */
    boolean sleep(Duration duration) {
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

    private void change(Runnable change) {
        lock.lock();
        try {
            change.run();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
