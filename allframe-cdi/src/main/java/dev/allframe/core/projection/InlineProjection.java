package dev.allframe.core.projection;

import dev.allframe.AllFrameException;
import dev.allframe.EventEnvelope;
import dev.allframe.core.message.ProjectionMessages;
import dev.allframe.projection.ProjectionFailedException;
import dev.allframe.projection.ProjectionMode;
import dev.allframe.projection.ProjectionState;
import dev.allframe.projection.ProjectionStatus;
import dev.allframe.spi.event.AppendResult;
import dev.allframe.spi.event.InlineSubscribers;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Feeds one inline projection inside each append: a failing handler aborts the append. Its position
 * follows the appends committed while the application runs, starting at the head it found. A rebuild
 * replays the whole log into it while appends wait (see {@link InlineSubscribers#rebuildInline}); meanwhile
 * and after a failed rebuild, appends pass it by, and a new rebuild starts it over.
 */
final class InlineProjection {

    private static final Logger LOG = Logger.getLogger(InlineProjection.class.getName());

    private final BoundProjection projection;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition advanced = lock.newCondition();
    private volatile ProjectionState state = ProjectionState.RUNNING;
    private long position;
    private Instant lastEventTime;
    private long rebuildTarget;
    private ProjectionStatus.Failure failure;

    InlineProjection(BoundProjection projection, long head) {
        this.projection = projection;
        this.position = head;
    }

    String name() {
        return projection.name();
    }

    /** Inside the append, before it commits. */
    void apply(AppendResult appended) {
        if (state != ProjectionState.RUNNING) {
            return;
        }
        for (EventEnvelope event : appended.events()) {
            projection.apply(event);
        }
    }

    /** After the append committed. */
    void committed(AppendResult appended) {
        EventEnvelope last = appended.events().get(appended.events().size() - 1);
        lock.lock();
        try {
            if (state == ProjectionState.RUNNING && last.globalPosition() > position) {
                position = last.globalPosition();
                lastEventTime = last.timestamp();
            }
            advanced.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Starts replaying the whole log into the projection on a thread of its own, once its {@code reset()}
     * has cleared it; does nothing while a rebuild runs.
     */
    void rebuild(InlineSubscribers store, int batchSize, long head) {
        if (!projection.resettable()) {
            throw new AllFrameException(ProjectionMessages.projectionNotRebuildable(name()));
        }
        lock.lock();
        try {
            if (state == ProjectionState.REBUILDING) {
                return;
            }
            state = ProjectionState.REBUILDING;
            position = 0;
            lastEventTime = null;
            rebuildTarget = head;
            failure = null;
        } finally {
            lock.unlock();
        }
        Thread thread = new Thread(() -> replay(store, batchSize), "allframe-rebuild-" + name());
        thread.setDaemon(true);
        thread.start();
    }

    private void replay(InlineSubscribers store, int batchSize) {
        EventEnvelope[] current = new EventEnvelope[1];
        try {
            store.rebuildInline(projection::reset, batchSize, event -> {
                current[0] = event;
                projection.apply(event);
            }, this::replayedUpTo, () -> rebuilt(current[0]));
        } catch (RuntimeException e) {
            EventEnvelope event = e instanceof ProjectionFailedException failed ? failed.event() : current[0];
            ProjectionStatus.Failure stopped = event == null
                    ? new ProjectionStatus.Failure(0, null, 0, null, e.getMessage())
                    : new ProjectionStatus.Failure(event.globalPosition(), event.streamId(), event.streamVersion(),
                            event.typeName(), e.getMessage());
            lock.lock();
            try {
                state = ProjectionState.FAILED;
                failure = stopped;
                advanced.signalAll();
            } finally {
                lock.unlock();
            }
            LOG.log(Level.WARNING, e, () -> ProjectionMessages.projectionStopped(name(), stopped.position(),
                    stopped.message()).toString());
        }
    }

    private void replayedUpTo(long replayed) {
        lock.lock();
        try {
            position = replayed;
        } finally {
            lock.unlock();
        }
    }

    /** Still inside the rebuild's transaction: the next append applies the projection again. */
    private void rebuilt(EventEnvelope last) {
        lock.lock();
        try {
            state = ProjectionState.RUNNING;
            if (last != null) {
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
            ProjectionStatus.RebuildProgress progress = state == ProjectionState.REBUILDING
                    ? new ProjectionStatus.RebuildProgress(position, rebuildTarget) : null;
            return new ProjectionStatus(name(), ProjectionMode.INLINE, state, position, lastEventTime, head,
                    state == ProjectionState.FAILED ? failure : null, progress);
        } finally {
            lock.unlock();
        }
    }

    boolean awaitPosition(long target, Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (position < target || state != ProjectionState.RUNNING) {
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
