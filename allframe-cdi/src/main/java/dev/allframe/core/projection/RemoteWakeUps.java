package dev.allframe.core.projection;

import dev.allframe.core.message.ProjectionMessages;
import dev.allframe.core.work.Timer;
import dev.allframe.spi.event.RemoteChangeListener;
import dev.allframe.spi.event.RemoteChanges;
import dev.allframe.spi.event.Subscription;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Wakes this process's projections when a process sharing the store commits: an append wakes the async projections
 * this node applies and shows in the inline ones whose rows the append wrote; a batch of the node applying a projection
 * shows on the others; an operator's request is looked at at once. A store that cannot tell leaves them to their
 * polls. Listening that fails is reported and taken up again after the poll interval; the polls go on meanwhile.
 */
final class RemoteWakeUps implements RemoteChangeListener, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RemoteWakeUps.class.getName());

    private final RemoteChanges changes;
    private final Executor listening;
    private final Executor work;
    private final Timer timer;
    private final ProjectionSettings settings;
    private final Map<String, TrackingProcessor> tracking;
    private final Collection<InlineProjection> inline;
    private Subscription subscription;
    private Timer.Scheduled retry;
    private boolean announced;
    private boolean closed;

    /**
     * @param listening where the listening task runs, as long as it listens
     * @param work      where listening is taken up again, off the timer's thread (it waits for the database)
     */
    RemoteWakeUps(RemoteChanges changes, Executor listening, Executor work, Timer timer, ProjectionSettings settings,
                  Map<String, TrackingProcessor> tracking, Collection<InlineProjection> inline) {
        this.changes = changes;
        this.listening = listening;
        this.work = work;
        this.timer = timer;
        this.settings = settings;
        this.tracking = tracking;
        this.inline = inline;
    }

    /** Starts listening; nothing when the store cannot tell. */
    synchronized void listen() {
        if (closed) {
            return;
        }
        try {
            subscription = changes.listen(listening, this).orElse(null);
        } catch (RejectedExecutionException stopping) {
            return;
        } catch (RuntimeException e) {
            lost(e);
            return;
        }
        if (subscription != null && !announced) {
            announced = true;
            LOG.info(() -> ProjectionMessages.listeningToOtherNodes(settings.node()).toString());
        }
    }

    @Override
    public void appended(long head) {
        inline.forEach(projection -> projection.committedElsewhere(head));
        tracking.values().forEach(processor -> processor.appendedElsewhere(head));
    }

    @Override
    public void progressed(String projection, long checkpoint) {
        TrackingProcessor processor = tracking.get(projection);
        if (processor != null) {
            processor.progressedElsewhere(checkpoint);
        }
    }

    @Override
    public void controlled(String projection) {
        TrackingProcessor processor = tracking.get(projection);
        if (processor != null) {
            processor.controlledElsewhere();
        }
    }

    @Override
    public void lost(Throwable cause) {
        synchronized (this) {
            subscription = null;
            if (closed) {
                return;
            }
            try {
                retry = timer.schedule(settings.pollInterval(), this::listenAgain);
            } catch (RejectedExecutionException stopping) {
                return;
            }
        }
        LOG.log(Level.WARNING, cause, () -> ProjectionMessages.listeningLost(settings.node(),
                settings.pollInterval()).toString());
    }

    private void listenAgain() {
        try {
            work.execute(this::listen);
        } catch (RejectedExecutionException stopping) {
            // the application stops: nothing to listen for
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (retry != null) {
            retry.cancel();
        }
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }
}
