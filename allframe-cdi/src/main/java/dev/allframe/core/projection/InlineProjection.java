package dev.allframe.core.projection;

import dev.allframe.EventEnvelope;
import dev.allframe.ProjectionMode;
import dev.allframe.ProjectionState;
import dev.allframe.ProjectionStatus;
import dev.allframe.eventstore.AppendResult;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Feeds one inline projection inside each append: a failing handler aborts the append. Its position
 * follows the appends committed while the application runs, starting at the head it found.
 */
final class InlineProjection {

    private final BoundProjection projection;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition advanced = lock.newCondition();
    private long position;
    private Instant lastEventTime;

    InlineProjection(BoundProjection projection, long head) {
        this.projection = projection;
        this.position = head;
    }

    String name() {
        return projection.name();
    }

    /** Inside the append, before it commits. */
    void apply(AppendResult appended) {
        for (EventEnvelope event : appended.events()) {
            projection.apply(event);
        }
    }

    /** After the append committed. */
    void committed(AppendResult appended) {
        EventEnvelope last = appended.events().get(appended.events().size() - 1);
        lock.lock();
        try {
            if (last.globalPosition() > position) {
                position = last.globalPosition();
                lastEventTime = last.timestamp();
            }
            advanced.signalAll();
        } finally {
            lock.unlock();
        }
    }

    ProjectionStatus status(long head) {
        lock.lock();
        try {
            return new ProjectionStatus(name(), ProjectionMode.INLINE, ProjectionState.RUNNING, position,
                    lastEventTime, head, null, null);
        } finally {
            lock.unlock();
        }
    }

    boolean awaitPosition(long target, Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (position < target) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = advanced.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
