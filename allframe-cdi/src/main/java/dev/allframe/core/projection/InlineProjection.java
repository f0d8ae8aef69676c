package dev.allframe.core.projection;

import static dev.allframe.AllFrameMessage.describe;

import dev.allframe.AllFrameException;
import dev.allframe.EventEnvelope;
import dev.allframe.core.message.ProjectionMessages;
import dev.allframe.core.telemetry.Telemetry;
import dev.allframe.projection.ProjectionFailedException;
import dev.allframe.projection.ProjectionMode;
import dev.allframe.projection.ProjectionStatus;
import dev.allframe.projection.ReadModel;
import dev.allframe.spi.event.AppendResult;
import dev.allframe.spi.event.InlineSubscribers;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Feeds one inline projection inside each append: a failing handler aborts the append. Its position follows the
 * appends committed while the application runs, starting at the head it found; one whose read model is in memory
 * replays the log up to there first ({@link #replayAtStart}). A rebuild replays the whole log into it, holding
 * appends back only for the last stretch (see {@link InlineSubscribers#rebuildInline}), as a task on the
 * projections' executor; meanwhile and after a failed rebuild, appends pass it by, and a new rebuild starts it
 * over. Once {@linkplain #close closed}, a rebuild stops after the batch it is in.
 */
final class InlineProjection {

    private static final Logger LOG = Logger.getLogger(InlineProjection.class.getName());

    private final BoundProjection projection;
    private final ProjectionProgress progress;
    private final Telemetry telemetry;
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private volatile boolean applying = true;
    private volatile boolean closed;

    InlineProjection(BoundProjection projection, long head, Telemetry telemetry) {
        this.projection = projection;
        this.telemetry = telemetry;
        this.progress = new ProjectionProgress(projection.name(), ProjectionMode.INLINE, head);
    }

    String name() {
        return projection.name();
    }

    /** Inside the append, before it commits. */
    void apply(AppendResult appended) {
        if (!applying) {
            return;
        }
        Telemetry.Trace trace = telemetry.inlineProjection(name(), appended.events());
        try (Telemetry.Scope scope = trace.activate()) {
            for (EventEnvelope event : appended.events()) {
                projection.apply(event);
            }
        } catch (RuntimeException | Error e) {
            trace.failed(e);
            throw e;
        } finally {
            trace.end();
        }
    }

    /**
     * Another process committed appends up to {@code head}: a projection whose rows that process wrote in its
     * appends' transactions shows them now.
     */
    void committedElsewhere(long head) {
        if (projection.model().readModel() == ReadModel.STORED && applying && !rebuilding.get()) {
            progress.advanceAtLeast(head, null);
        }
    }

    /** After the append committed. */
    void committed(AppendResult appended) {
        if (!applying) {
            return;
        }
        EventEnvelope last = appended.events().get(appended.events().size() - 1);
        progress.advanceAtLeast(last.globalPosition(), last.timestamp());
    }

    boolean rebuiltAtStart() {
        return projection.model().rebuiltAtStart();
    }

    /**
     * Starts replaying the whole log into the projection on {@code executor}, once its {@code reset()} has cleared
     * it; does nothing while a rebuild runs.
     */
    void rebuild(InlineSubscribers store, int batchSize, long head, Executor executor) {
        if (!projection.resettable()) {
            throw new AllFrameException(ProjectionMessages.projectionNotRebuildable(name()));
        }
        startReplay(store, batchSize, head, executor, projection::reset);
    }

    /**
     * At start, for a read model in memory, empty then: replays the log into it on {@code executor}, as a rebuild
     * does, without needing a {@code reset()}.
     */
    void replayAtStart(InlineSubscribers store, int batchSize, long head, Executor executor) {
        startReplay(store, batchSize, head, executor, projection.resettable() ? projection::reset : () -> { });
    }

    private void startReplay(InlineSubscribers store, int batchSize, long head, Executor executor, Runnable reset) {
        if (!rebuilding.compareAndSet(false, true)) {
            return;
        }
        applying = false;
        progress.startRebuild(head);
        try {
            executor.execute(() -> replay(store, batchSize, reset));
        } catch (RuntimeException e) {
            rebuilding.set(false);
            failed(e, null);
        }
    }

    private void replay(InlineSubscribers store, int batchSize, Runnable reset) {
        EventEnvelope[] current = new EventEnvelope[1];
        try {
            boolean rebuilt = store.rebuildInline(reset, batchSize, event -> {
                current[0] = event;
                projection.apply(event);
            }, replayed -> progress.advance(replayed, null), this::rebuilt, () -> closed);
            if (rebuilt) {
                progress.endRebuild(current[0]);
            }
        } catch (Throwable e) {
            failed(e, e instanceof ProjectionFailedException failed ? failed.event() : current[0]);
        } finally {
            rebuilding.set(false);
        }
    }

    /**
     * Still inside the rebuild's last transaction: the next append applies the projection again. The rebuild ends in
     * the progress only once that transaction committed, so that no one reads a position before its rows.
     */
    private void rebuilt() {
        applying = !closed;
    }

    private void failed(Throwable e, EventEnvelope event) {
        String message = e instanceof RuntimeException && e.getMessage() != null ? e.getMessage() : describe(e);
        ProjectionStatus.Failure stopped = event == null
                ? new ProjectionStatus.Failure(0, null, 0, null, message)
                : new ProjectionStatus.Failure(event.globalPosition(), event.streamId(), event.streamVersion(),
                        event.typeName(), message);
        progress.fail(stopped);
        LOG.log(Level.WARNING, e, () -> ProjectionMessages.projectionStopped(name(), stopped.position(),
                stopped.message()).toString());
    }

    /** Stops a rebuild after the batch it is in; nothing is applied any more. */
    void close() {
        closed = true;
        applying = false;
    }

    ProjectionStatus status(long head) {
        return progress.status(head);
    }

    /**
     * Waits until this process applied the event at {@code target}; a read model in the database has also applied
     * what another process committed (it wrote the rows in its append's transaction), so the committed head the
     * store reports answers for it while the projection is applying. That head is looked at again every
     * {@code recheck} while waiting, since another process's commit does not wake this one (unless the store tells,
     * see {@link #committedElsewhere}).
     */
    boolean awaitPosition(long target, Duration timeout, LongSupplier committedHead, Duration recheck)
            throws InterruptedException {
        if (progress.awaitPosition(target, Duration.ZERO) || appliedElsewhere(target, committedHead)) {
            return true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        long most = projection.model().readModel() == ReadModel.STORED ? recheck.toNanos() : Long.MAX_VALUE;
        while (true) {
            long slice = Math.max(0, Math.min(deadline - System.nanoTime(), most));
            if (progress.awaitPosition(target, Duration.ofNanos(slice)) || appliedElsewhere(target, committedHead)) {
                return true;
            }
            if (deadline - System.nanoTime() <= 0) {
                return false;
            }
        }
    }

    private boolean appliedElsewhere(long target, LongSupplier committedHead) {
        return projection.model().readModel() == ReadModel.STORED && applying && !rebuilding.get()
                && committedHead.getAsLong() >= target;
    }
}
