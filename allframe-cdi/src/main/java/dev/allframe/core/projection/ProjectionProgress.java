package dev.allframe.core.projection;

import dev.allframe.EventEnvelope;
import dev.allframe.projection.ProjectionMode;
import dev.allframe.projection.ProjectionState;
import dev.allframe.projection.ProjectionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How far a projection has got and what stands in its way, under one lock: the position its read model shows,
 * the time of that event, the failure it stopped at, a rebuild's target, a pause. Inline and async projections
 * keep their progress here alike; every change wakes whoever awaits a position.
 *
 * <p>They differ in one thing: an async projection commits each batch of a rebuild, so its read model shows the
 * rebuild's progress; an inline projection rebuilds in one transaction, so until it ends its read model shows
 * nothing new, and those awaiting a position wait for the rebuild's end.
 */
final class ProjectionProgress {

    private final String name;
    private final ProjectionMode mode;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    private long position;
    private Instant lastEventTime;
    private ProjectionStatus.Failure failure;
    private boolean paused;
    private boolean rebuilding;
    private long rebuildTarget;

    ProjectionProgress(String name, ProjectionMode mode, long position) {
        this.name = name;
        this.mode = mode;
        this.position = position;
    }

    ProjectionStatus status(long head) {
        lock.lock();
        try {
            ProjectionState state = failure != null ? ProjectionState.FAILED : paused ? ProjectionState.PAUSED
                    : rebuilding ? ProjectionState.REBUILDING : ProjectionState.RUNNING;
            return new ProjectionStatus(name, mode, state, position, lastEventTime, head, failure,
                    rebuilding && failure == null ? new ProjectionStatus.RebuildProgress(position, rebuildTarget)
                            : null);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until the read model shows {@code target}; gives up at the timeout, or at once when a failure at or
     * before {@code target} stands in the way.
     */
    boolean awaitPosition(long target, Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (position < target || (rebuilding && mode == ProjectionMode.INLINE)) {
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

    long position() {
        lock.lock();
        try {
            return position;
        } finally {
            lock.unlock();
        }
    }

    /** The failure the projection stopped at, {@code null} when it did not. */
    ProjectionStatus.Failure failure() {
        lock.lock();
        try {
            return failure;
        } finally {
            lock.unlock();
        }
    }

    boolean paused() {
        lock.lock();
        try {
            return paused;
        } finally {
            lock.unlock();
        }
    }

    /** Goes on after a pause, not after a failure. */
    void unpause() {
        change(() -> paused = false);
    }

    /** Whether the projection may not go on now: paused, or stopped at a failure. */
    boolean held() {
        lock.lock();
        try {
            return paused || failure != null;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Moves to {@code newPosition}. An async rebuild ends in the same step once it reached its target, so that whoever
     * saw the position reached sees the rebuild ended too; an inline one ends only once its transaction committed.
     */
    void advance(long newPosition, Instant eventTime) {
        change(() -> {
            position = newPosition;
            lastEventTime = eventTime;
            if (rebuilding && mode == ProjectionMode.ASYNC && position >= rebuildTarget && position > 0) {
                rebuilding = false;
            }
        });
    }

    /** Moves forward to {@code newPosition}, if it is not there or further already. */
    void advanceAtLeast(long newPosition, Instant eventTime) {
        lock.lock();
        try {
            if (newPosition > position) {
                advance(newPosition, eventTime);
            }
        } finally {
            lock.unlock();
        }
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

    void fail(ProjectionStatus.Failure stopped) {
        change(() -> failure = stopped);
    }

    void pause() {
        change(() -> paused = true);
    }

    /** Goes on after a pause or a failure. */
    void resume() {
        change(() -> {
            paused = false;
            failure = null;
        });
    }

    /** A rebuild up to {@code target} starts from position 0, clearing a pause or a failure. */
    void startRebuild(long target) {
        change(() -> {
            rebuilding = true;
            rebuildTarget = target;
            position = 0;
            lastEventTime = null;
            failure = null;
            paused = false;
        });
    }

    /** Ends the rebuild once the position has reached its target. */
    void endRebuildWhenCaughtUp() {
        change(() -> {
            if (rebuilding && position >= rebuildTarget) {
                rebuilding = false;
            }
        });
    }

    /**
     * Ends the rebuild at {@code last}, where it replayed to, whatever its target was, unless appends applied since
     * moved the position past it.
     */
    void endRebuild(EventEnvelope last) {
        change(() -> {
            rebuilding = false;
            if (last != null && last.globalPosition() > position) {
                position = last.globalPosition();
                lastEventTime = last.timestamp();
            }
        });
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
