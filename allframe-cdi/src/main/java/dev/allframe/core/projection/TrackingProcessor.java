package dev.allframe.core.projection;

import static dev.allframe.AllFrameMessage.describe;

import dev.allframe.AllFrameException;
import dev.allframe.EventEnvelope;
import dev.allframe.core.telemetry.Telemetry;
import dev.allframe.EventStoreException;
import dev.allframe.core.message.ProjectionMessages;
import dev.allframe.core.work.Timer;
import dev.allframe.projection.FailurePolicy;
import dev.allframe.projection.ParkedEvent;
import dev.allframe.projection.ParkedRetry;
import dev.allframe.projection.ProjectionFailedException;
import dev.allframe.projection.ProjectionMode;
import dev.allframe.projection.ProjectionStatus;
import dev.allframe.spi.checkpoint.CheckpointStore;
import dev.allframe.spi.checkpoint.LeaseLostException;
import dev.allframe.spi.checkpoint.ProjectionControl;
import dev.allframe.spi.event.LogPage;
import dev.allframe.spi.event.ReadAllEvents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Feeds one async projection from the global log in short tasks on an executor, never holding a thread while it
 * waits: each task reads a batch after the checkpoint, applies it and records the checkpoint (in one transaction
 * where the checkpoint store has them), and goes on until the log is read; then the timer brings it back after the
 * poll interval, or an append does sooner. A failing event is retried after a back-off, then the projection stops
 * FAILED at that event until it is resumed, or an operator parks the event; a projection whose policy is to park
 * parks the event itself and goes on. It never skips an event silently: a parked one is recorded in the dead
 * letters, with the checkpoint past it in the same transaction. Whatever else a task throws ends in a visible
 * state too: a store that fails is tried again after the poll interval, anything worse stops the projection FAILED.
 *
 * <p>A task's batch, a skip and a retry of parked events each hold the processor's lock, so that the projection's
 * handlers are called by one thread at a time.
 *
 * <p>Where nodes share the checkpoint store, the processor applies events only while its node holds the projection's
 * lease ({@link Ownership}); otherwise its position follows the stored checkpoint at each poll. A checkpoint moved back
 * (a rebuild asked of another node, or by hand) is followed too, also when there is nothing new to read.
 */
final class TrackingProcessor {

    private static final Logger LOG = Logger.getLogger(TrackingProcessor.class.getName());
    /** The id and the event of the mark ending a segment's batch that read past its own streams' events. */
    private static final UUID READ_PAST = new UUID(0, 0);

    private final Telemetry telemetry;
    private final BoundProjection projection;
    private final ReadAllEvents log;
    private final CheckpointStore checkpoints;
    private final ProjectionSettings settings;
    private final ProjectionProgress progress;
    private final TaskRunner runner;
    private final Executor executor;
    private final Timer timer;
    private final DeadLetters deadLetters;
    private final Ownership ownership;
    private final Object applying = new Object();
    private volatile boolean resetRequested;
    private volatile boolean waiting;
    private int retries;
    private volatile int failedAttempts;
    private boolean parkedOne;
    /** The last page read came back short from the whole log: it reached the readable end ({@link #endOfLog}). */
    private boolean shortPage;
    private Timer.Scheduled wakeUp;
    private ReadAhead readAhead;

    TrackingProcessor(BoundProjection projection, ReadAllEvents log, CheckpointStore checkpoints,
                      DeadLetters deadLetters, ProjectionSettings settings, Executor executor, Timer timer,
                      Telemetry telemetry) {
        this(projection, log, checkpoints, new Ownership.Everywhere(projection.name(), checkpoints), deadLetters,
                settings, executor, timer, telemetry);
    }

    /** A processor applying the projection's events while {@code ownership} says this node holds it. */
    TrackingProcessor(BoundProjection projection, ReadAllEvents log, CheckpointStore checkpoints, Ownership ownership,
                      DeadLetters deadLetters, ProjectionSettings settings, Executor executor, Timer timer,
                      Telemetry telemetry) {
        this.telemetry = telemetry;
        this.projection = projection;
        this.ownership = ownership;
        this.deadLetters = deadLetters;
        this.log = log;
        this.checkpoints = checkpoints;
        this.settings = settings;
        this.progress = new ProjectionProgress(projection.name(), ProjectionMode.ASYNC, 0);
        this.runner = new TaskRunner(executor, this::step, this::crashed);
        this.executor = executor;
        this.timer = timer;
    }

    String name() {
        return projection.name();
    }

    /**
     * Goes on from its checkpoint. A projection that replays the log at each start is REBUILDING until it has
     * reached the head it found there, so that readiness and those who wait see its read model only once complete.
     */
    void start() {
        long checkpoint = checkpoints.checkpoint(name());
        progress.advance(checkpoint, null);
        if (projection.model().rebuiltAtStart() && checkpoint == 0) {
            long head = log.headPosition();
            if (head > 0) {
                progress.startRebuild(head);
            }
        }
        runner.request();
    }

    /**
     * Stops it: no task starts any more, and the one running, if any, is waited for up to {@code timeout}; then the
     * projection's lease, if this node holds it, is handed over for another node to take at once.
     */
    void stop(Duration timeout) {
        runner.stop();
        cancelWakeUp();
        runner.awaitIdle(timeout);
        try {
            ownership.release();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> ProjectionMessages.projectionStoreFailed(name()).toString());
        }
    }

    /** Something was appended: look at the log now rather than at the next poll. */
    void wake() {
        if (!waiting) {
            runner.request();
        }
    }

    /**
     * Another process appended up to {@code head}: the node applying the projection looks at the log now, unless it
     * is there already (its own append, told back) or waits out a back-off.
     */
    void appendedElsewhere(long head) {
        if (ownership.holding() && head > progress.position()) {
            wake();
        }
    }

    /**
     * The node applying the projection committed a batch up to {@code checkpoint}: a node that does not apply it
     * shows it now rather than at its next poll. Only forward: a checkpoint moved back is followed at the poll.
     */
    void progressedElsewhere(long checkpoint) {
        if (!ownership.shared() || ownership.holding()) {
            return;
        }
        synchronized (applying) {
            progress.advanceAtLeast(checkpoint, null);
        }
    }

    /** What was asked of the projection changed on some node: look at it now rather than at the next poll. */
    void controlledElsewhere() {
        if (ownership.shared()) {
            synchronized (this) {
                waiting = false;
            }
            runner.request();
        }
    }

    /** Pauses it, on every node where nodes share it. */
    void pause() {
        ownership.changeControl(control -> control.withPaused(true));
        progress.pause();
    }

    /** Goes on after a pause or a failure, on every node where nodes share it. */
    void resume() {
        ownership.changeControl(control -> control.withPaused(false).withFailure(null));
        retries = 0;
        progress.resume();
        runner.request();
    }

    /**
     * Starts a rebuild. Where nodes share the projection, it is asked of the node holding it, which resets the read
     * model and the checkpoint where the read model is, and replays; every node shows it REBUILDING until the
     * checkpoint reached today's head.
     */
    void rebuild() {
        if (!projection.resettable()) {
            throw new AllFrameException(ProjectionMessages.projectionNotRebuildable(name()));
        }
        long head = log.headPosition();
        if (ownership.shared()) {
            ownership.changeControl(control -> control.rebuildTo(head));
        } else {
            resetRequested = true;
        }
        progress.startRebuild(head);
        runner.request();
    }

    /**
     * Replays from the start up to {@code head} once the read model and the checkpoint were reset together with those
     * of the projection's other segments, where the rebuild was asked: every node shows it REBUILDING until the
     * checkpoint reached {@code head}. Waits for a batch this node is applying, which the reset refuses.
     */
    void replayAfterReset(long head) {
        ownership.changeControl(control -> control.replayTo(head));
        synchronized (applying) {
            retries = 0;
            progress.startRebuild(head);
        }
        runner.request();
    }

    /** Stops the projection at {@code failure} before it applied anything, where every node sees it. */
    void refuse(ProjectionStatus.Failure failure) {
        synchronized (applying) {
            failedAttempts = 0;
            progress.fail(failure);
        }
        ownership.changeControl(control -> control.withFailure(failure));
    }

    /** Where nodes share the projection, its state as every node sees it, from the store. */
    ProjectionStatus status(long head) {
        ProjectionStatus local = progress.status(head).withParked(deadLetters.count()).withOwner(ownership.owner());
        return ownership.shared() ? SharedStatus.of(local, ownership.control(), checkpoints.checkpoint(name()))
                : local;
    }

    /**
     * Parks the event the projection stopped FAILED at, recorded with {@code operator} and {@code reason}, and
     * resumes it with the next event.
     */
    ParkedEvent skip(String operator, String reason) {
        synchronized (applying) {
            ProjectionStatus.Failure failure = progress.failure();
            if (failure == null) {
                throw new AllFrameException(ProjectionMessages.skipNotFailed(name(),
                        progress.status(0).state().name()));
            }
            ParkedEvent parked = deadLetters.park(failure, failedAttempts, operator, reason);
            if (parked == null) {
                parked = deadLetters.list().stream().filter(p -> p.position() == failure.position()).findFirst()
                        .orElseThrow(() -> new AllFrameException(ProjectionMessages.skipNotFailed(name(),
                                "past that event")));
            }
            progress.advance(Math.max(failure.position(), checkpoints.checkpoint(name())), null);
            LOG.warning(() -> ProjectionMessages.eventSkipped(name(), operator, failure.position(), reason,
                    failure.message()).toString());
            resume();
            return parked;
        }
    }

    ParkedRetry retryParked(OptionalLong position) {
        synchronized (applying) {
            return deadLetters.retry(position);
        }
    }

    List<ParkedEvent> parked() {
        return deadLetters.list();
    }

    boolean awaitPosition(long target, Duration timeout) throws InterruptedException {
        return progress.awaitPosition(target, timeout);
    }

    /** One task's work: at most one batch; {@code true} when there may be more to do at once. */
    private boolean step() {
        synchronized (applying) {
            return stepHoldingLock();
        }
    }

    private boolean stepHoldingLock() {
        try {
            if (resetRequested) {
                resetRequested = false;
                reset();
            }
            if (waiting) {
                return false;
            }
            ProjectionControl control = ownership.shared() ? ownership.control() : ProjectionControl.NONE;
            follow(control);
            if (!ownership.hold()) {
                follow();
                return false;
            }
            if (control.resetPending()) {
                checkpoints.reset(name(), projection::reset);
                progress.advance(0, null);
                ownership.changeControl(ProjectionControl::reset);
            }
            if (progress.held()) {
                if (ownership.shared()) {
                    wakeUpAfter(idleWait(), false);
                }
                return false;
            }
            parkedOne = false;
            List<EventEnvelope> batch = read();
            if (batch.isEmpty() && parkedOne) {
                return true;
            }
            if (batch.isEmpty() && movedBack()) {
                return true;
            }
            if (batch.isEmpty()) {
                return caughtUp();
            }
            readAheadAfter(batch);
            boolean applied = apply(batch);
            if (applied && shortPage && progress.position() == batch.get(batch.size() - 1).globalPosition()) {
                // the page ended where the log's readable end was: what is appended after it wakes the processor
                // (an append in this process, another's notice) or the poll finds it, without a read now for nothing
                return caughtUp();
            }
            return applied;
        } catch (LeaseLostException lost) {
            follow();
            return false;
        } catch (ProjectionFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> ProjectionMessages.projectionStoreFailed(name()).toString());
            wakeUpAfter(settings.pollInterval(), true);
            return false;
        }
    }

    /**
     * Another node applies the projection: the position follows the stored checkpoint, looked at again after the poll
     * interval, when this node also tries to take the lease if it is due. Appends do not bring it back sooner.
     */
    private void follow() {
        long checkpoint = checkpoints.checkpoint(name());
        if (checkpoint != progress.position()) {
            progress.advance(checkpoint, null);
        }
        wakeUpAfter(idleWait(), true);
    }

    /**
     * Takes on what was asked of the projection on any node, and the failure it stopped at on the node holding it: a
     * pause, a resume (also of a failure, after which it tries again), a failure to show. A rebuild asked elsewhere is
     * over once the checkpoint reached its target; the first node to see it says so.
     */
    private void follow(ProjectionControl control) {
        if (!ownership.shared()) {
            return;
        }
        if (control.paused() != progress.paused()) {
            if (control.paused()) {
                progress.pause();
            } else {
                progress.unpause();
            }
        }
        ProjectionStatus.Failure failure = progress.failure();
        if (control.failure() == null && failure != null) {
            retries = 0;
            progress.resume();
            progress.unpause();
            if (control.paused()) {
                progress.pause();
            }
        } else if (control.failure() != null && failure == null) {
            progress.fail(control.failure());
        }
        if (control.rebuildTarget() > 0 && !control.resetPending()
                && checkpoints.checkpoint(name()) >= control.rebuildTarget()) {
            ownership.changeControl(c -> c.rebuildTarget() == control.rebuildTarget() ? c.withRebuildTarget(0) : c);
        }
    }

    /**
     * Whether the stored checkpoint is behind the position, moved back by a rebuild on another node or by hand: then
     * the position follows it, to apply again from there. Looked at when the log has nothing new, as a batch finds it
     * out by itself.
     */
    private boolean movedBack() {
        long checkpoint = checkpoints.checkpoint(name());
        if (checkpoint >= progress.position()) {
            return false;
        }
        progress.advance(checkpoint, null);
        return true;
    }

    /** How long an idle processor waits: the poll interval, or less when its lease is due sooner. */
    private Duration idleWait() {
        if (ownership instanceof LeasedOwnership) {
            Duration due = ownership.nextCheck();
            return due.compareTo(settings.pollInterval()) < 0 ? due : settings.pollInterval();
        }
        return settings.pollInterval();
    }

    private void reset() {
        try {
            checkpoints.reset(name(), projection::reset);
        } catch (RuntimeException e) {
            resetRequested = true;
            throw e;
        }
        progress.advance(0, null);
    }

    /**
     * The next batch. When the store cannot read an event in it (its type unknown, its payload no longer
     * readable), the batch is read again one event at a time up to that event, and the projection stops
     * FAILED at it with the store's message, or parks it when that is its policy, rather than skipping it.
     */
    private List<EventEnvelope> read() {
        long after = progress.position();
        ReadAhead ahead = readAhead;
        readAhead = null;
        shortPage = false;
        List<EventEnvelope> readBefore = ahead == null ? null : ahead.take(after);
        if (readBefore != null) {
            shortPage = endOfLog(readBefore);
            return readBefore;
        }
        try {
            List<EventEnvelope> page = page(after, settings.batchSize());
            shortPage = endOfLog(page);
            return page;
        } catch (EventStoreException e) {
            List<EventEnvelope> readable = new ArrayList<>();
            long cursor = after;
            while (readable.size() < settings.batchSize()) {
                try {
                    List<EventEnvelope> one = page(cursor, 1);
                    if (one.isEmpty()) {
                        break;
                    }
                    readable.add(one.get(0));
                    cursor = one.get(0).globalPosition();
                } catch (EventStoreException unreadable) {
                    if (readable.isEmpty()) {
                        giveUp(new ProjectionStatus.Failure(cursor + 1, null, 0, null, unreadable.getMessage()),
                                null, 1, unreadable);
                    }
                    break;
                }
            }
            return readable;
        }
    }

    /**
     * Whether {@code page}, read from the whole log (not one segment's share of it, which may be short anywhere), came
     * back shorter than a batch: then it reached the log's readable end when it was read.
     */
    private boolean endOfLog(List<EventEnvelope> page) {
        return page.size() < settings.batchSize() && projection.segment().count() == 1;
    }

    /** Nothing more to read now: a rebuild that reached its target ends, and the poll brings the processor back. */
    private boolean caughtUp() {
        progress.endRebuildWhenCaughtUp();
        if (!progress.held()) {
            wakeUpAfter(idleWait(), false);
        }
        return false;
    }

    /**
     * After a full batch, the projection is catching up: the next batch is read on another thread while this one is
     * applied.
     */
    private void readAheadAfter(List<EventEnvelope> batch) {
        if (batch.size() == settings.batchSize()) {
            long last = batch.get(batch.size() - 1).globalPosition();
            readAhead = ReadAhead.start(last, () -> page(last, settings.batchSize()), executor);
        }
    }

    /**
     * Up to {@code max} events after {@code after}. A segment reads only its own streams' events, which the store may
     * decode alone; when the read went past the last of them, the batch ends with a mark at the last position read,
     * which nothing applies, so that the checkpoint moves past the other segments' events too.
     */
    private List<EventEnvelope> page(long after, int max) {
        Segment segment = projection.segment();
        if (segment.count() == 1) {
            return log.readAll(after, max);
        }
        LogPage page = log.readAll(after, max, segment::contains);
        if (page.empty(after)) {
            return List.of();
        }
        List<EventEnvelope> events = page.events();
        if (!events.isEmpty() && events.get(events.size() - 1).globalPosition() == page.readTo()) {
            return events;
        }
        List<EventEnvelope> marked = new ArrayList<>(events);
        marked.add(new EventEnvelope(READ_PAST, "", 0, page.readTo(), "", 0, page.readToTime(), null, null, null,
                READ_PAST));
        return marked;
    }

    /** Applies {@code event} to the projection, unless it is the mark of how far a segment read. */
    private void applyOne(EventEnvelope event) {
        if (event.event() != READ_PAST) {
            projection.apply(event);
        }
    }

    /**
     * Applies the batch; on a failing event, tries again after a back-off, and in the end stops there or parks the
     * event.
     */
    private boolean apply(List<EventEnvelope> batch) {
        try {
            applyAfterPosition(batch);
        } catch (ProjectionFailedException e) {
            progress.advanceTo(checkpoints.checkpoint(name()), batch);
            if (retries >= settings.maxRetries()) {
                retries = 0;
                return giveUpAt(e, batch);
            } else {
                wakeUpAfter(settings.backoff(retries++), true);
            }
            return false;
        }
        retries = 0;
        return true;
    }

    /**
     * Applies {@code events}, read after the position, and moves the position past them; {@code false} when
     * nothing was applied because another process moved the checkpoint meanwhile (it applied them, rebuilt the
     * projection, or an operator moved it back): the position follows the checkpoint, to read again from there.
     */
    private boolean applyAfterPosition(List<EventEnvelope> events) {
        Telemetry.Trace trace = telemetry.projectionBatch(name(), events);
        long stored;
        try (Telemetry.Scope scope = trace.activate()) {
            stored = ownership.applyBatch(progress.position(), events, this::applyOne);
        } catch (RuntimeException | Error e) {
            trace.failed(e);
            throw e;
        } finally {
            trace.end();
        }
        EventEnvelope last = events.get(events.size() - 1);
        if (stored == last.globalPosition()) {
            progress.advance(stored, last.timestamp());
            return true;
        }
        progress.advance(stored, null);
        return false;
    }

    /**
     * Applies what precedes the failing event, then stops the projection there or parks the event; {@code true}
     * when it parked it and goes on. An earlier event that fails now is retried after the back-off first.
     */
    private boolean giveUpAt(ProjectionFailedException failed, List<EventEnvelope> events) {
        long failing = failed.event().globalPosition();
        long position = progress.position();
        List<EventEnvelope> before = events.stream()
                .filter(e -> e.globalPosition() > position && e.globalPosition() < failing).toList();
        ProjectionFailedException cause = failed;
        if (!before.isEmpty()) {
            try {
                if (!applyAfterPosition(before)) {
                    return true;
                }
            } catch (ProjectionFailedException earlier) {
                progress.advanceTo(checkpoints.checkpoint(name()), events);
                cause = earlier;
            }
        }
        if (cause != failed && parks()) {
            wakeUpAfter(settings.backoff(retries++), true);
            return false;
        }
        EventEnvelope event = cause.event();
        return giveUp(new ProjectionStatus.Failure(event.globalPosition(), event.streamId(), event.streamVersion(),
                event.typeName(), cause.getMessage()), event, settings.maxRetries() + 1, cause);
    }

    /**
     * Parks the failed event and goes on when that is the projection's policy ({@code true}), else stops the
     * projection FAILED at it.
     *
     * @param event the failed event, {@code null} when it could not be read
     */
    private boolean giveUp(ProjectionStatus.Failure failure, EventEnvelope event, int attempts, Throwable cause) {
        if (!parks()) {
            failedAttempts = attempts;
            stop(failure, cause);
            return false;
        }
        if (deadLetters.park(failure, attempts, ParkedEvent.BY_POLICY, ParkedEvent.RETRIES_USED_UP) != null) {
            progress.advance(failure.position(), event == null ? null : event.timestamp());
            LOG.log(Level.WARNING, cause, () -> ProjectionMessages.eventParked(name(), failure.position(),
                    failure.message()).toString());
        } else {
            progress.advance(checkpoints.checkpoint(name()), null);
        }
        parkedOne = true;
        return true;
    }

    private boolean parks() {
        return projection.model().onFailure() == FailurePolicy.PARK;
    }

    /**
     * Anything a task threw that the steps do not handle: the projection stops FAILED after its position; an
     * {@code Error} or a refused task is a breakdown too, for liveness.
     */
    private void crashed(Throwable thrown) {
        if (Telemetry.breaksDown(thrown)) {
            telemetry.brokeDown("projection " + name(), thrown);
        }
        if (thrown instanceof ProjectionFailedException failed) {
            EventEnvelope event = failed.event();
            failedAttempts = 1;
            stop(new ProjectionStatus.Failure(event.globalPosition(), event.streamId(), event.streamVersion(),
                    event.typeName(), failed.getMessage()), failed);
            return;
        }
        failedAttempts = 1;
        stop(new ProjectionStatus.Failure(progress.position() + 1, null, 0, null, describe(thrown)), thrown);
    }

    private void stop(ProjectionStatus.Failure failure, Throwable cause) {
        progress.fail(failure);
        if (ownership.shared()) {
            try {
                ownership.changeControl(control -> control.withFailure(failure));
            } catch (RuntimeException e) {
                cause.addSuppressed(e);
            }
            wakeUpAfter(idleWait(), false);
        }
        LOG.log(Level.WARNING, cause, () -> ProjectionMessages.projectionStopped(name(), failure.position(),
                failure.message()).toString());
    }

    /**
     * Brings the processor back after {@code delay}. While {@code hold}, appends do not bring it back sooner: it
     * waits out a back-off.
     */
    private void wakeUpAfter(Duration delay, boolean hold) {
        synchronized (this) {
            if (wakeUp != null) {
                wakeUp.cancel();
            }
            waiting = hold;
            try {
                wakeUp = timer.schedule(delay, () -> {
                    waiting = false;
                    runner.request();
                });
            } catch (RejectedExecutionException stopping) {
                wakeUp = null;
            }
        }
    }

    private void cancelWakeUp() {
        synchronized (this) {
            if (wakeUp != null) {
                wakeUp.cancel();
                wakeUp = null;
            }
        }
    }
}
