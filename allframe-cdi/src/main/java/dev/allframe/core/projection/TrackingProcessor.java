package dev.allframe.core.projection;

import dev.allframe.AllFrameException;
import dev.allframe.EventEnvelope;
import dev.allframe.EventStoreException;
import dev.allframe.core.message.ProjectionMessages;
import dev.allframe.projection.ProjectionFailedException;
import dev.allframe.projection.ProjectionStatus;
import dev.allframe.spi.checkpoint.CheckpointStore;
import dev.allframe.spi.event.ReadAllEvents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    private final TrackingState state;
    private Thread thread;

    TrackingProcessor(BoundProjection projection, ReadAllEvents log, CheckpointStore checkpoints,
                      ProjectionSettings settings) {
        this.projection = projection;
        this.log = log;
        this.checkpoints = checkpoints;
        this.settings = settings;
        this.state = new TrackingState(projection.name());
    }

    String name() {
        return projection.name();
    }

    void start() {
        state.advance(checkpoints.checkpoint(name()), null);
        thread = new Thread(this::run, "allframe-projection-" + name());
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        state.stop();
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
        state.wake();
    }

    void pause() {
        state.pause();
    }

    void resume() {
        state.resume();
    }

    void rebuild() {
        if (!projection.resettable()) {
            throw new AllFrameException(ProjectionMessages.projectionNotRebuildable(name()));
        }
        state.requestRebuild(log.headPosition());
    }

    ProjectionStatus status(long head) {
        return state.status(head);
    }

    boolean awaitPosition(long target, Duration timeout) throws InterruptedException {
        return state.awaitPosition(target, timeout);
    }

    private void run() {
        while (true) {
            try {
                if (!state.awaitRunnable()) {
                    return;
                }
                if (state.takeResetRequest()) {
                    reset();
                }
                List<EventEnvelope> batch = read();
                if (!batch.isEmpty()) {
                    applyWithRetries(batch);
                } else if (!state.failed()) {
                    state.idle(settings.pollInterval());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, e, () -> ProjectionMessages.projectionStoreFailed(name()).toString());
                if (!state.sleep(settings.pollInterval())) {
                    return;
                }
            }
        }
    }

    private void reset() {
        try {
            checkpoints.reset(name(), projection::reset);
        } catch (RuntimeException e) {
            state.requestReset();
            throw e;
        }
        state.advance(0, null);
    }

    /**
     * The next batch. When the store cannot read an event in it (its type unknown, its payload no longer
     * readable), the batch is read again one event at a time up to that event, and the projection stops
     * FAILED at it with the store's message, rather than skipping it.
     */
    private List<EventEnvelope> read() {
        long after = state.position();
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
                        stop(new ProjectionStatus.Failure(cursor + 1, null, 0, null, unreadable.getMessage()), unreadable);
                    }
                    break;
                }
            }
            return readable;
        }
    }

    private void applyWithRetries(List<EventEnvelope> batch) throws InterruptedException {
        List<EventEnvelope> events = batch;
        for (int attempt = 0; ; attempt++) {
            try {
                checkpoints.applyBatch(name(), events, projection::apply);
                EventEnvelope last = events.get(events.size() - 1);
                state.advance(last.globalPosition(), last.timestamp());
                return;
            } catch (ProjectionFailedException e) {
                state.advanceTo(checkpoints.checkpoint(name()), events);
                if (attempt >= settings.maxRetries()) {
                    stopAt(e, events);
                    return;
                }
                if (!state.sleep(settings.backoff(attempt))) {
                    throw new InterruptedException();
                }
                events = log.readAll(state.position(), settings.batchSize());
                if (events.isEmpty()) {
                    return;
                }
            }
        }
    }

    /** Applies what precedes the failing event, then stops the projection there. */
    private void stopAt(ProjectionFailedException failed, List<EventEnvelope> events) {
        long failing = failed.event().globalPosition();
        long position = state.position();
        List<EventEnvelope> before = events.stream()
                .filter(e -> e.globalPosition() > position && e.globalPosition() < failing).toList();
        ProjectionFailedException cause = failed;
        if (!before.isEmpty()) {
            try {
                checkpoints.applyBatch(name(), before, projection::apply);
                EventEnvelope last = before.get(before.size() - 1);
                state.advance(last.globalPosition(), last.timestamp());
            } catch (ProjectionFailedException earlier) {
                state.advanceTo(checkpoints.checkpoint(name()), events);
                cause = earlier;
            }
        }
        EventEnvelope event = cause.event();
        stop(new ProjectionStatus.Failure(event.globalPosition(), event.streamId(), event.streamVersion(),
                event.typeName(), cause.getMessage()), cause);
    }

    private void stop(ProjectionStatus.Failure failure, RuntimeException cause) {
        state.fail(failure);
        LOG.log(Level.WARNING, cause, () -> ProjectionMessages.projectionStopped(name(), failure.position(),
                failure.message()).toString());
    }
}
