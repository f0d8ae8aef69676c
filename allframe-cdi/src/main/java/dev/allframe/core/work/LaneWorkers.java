package dev.allframe.core.work;

import static java.util.Objects.requireNonNull;

import dev.allframe.core.message.WorkMessages;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@link Workers} on the server's managed executors where it has them, on AllFrame's own threads otherwise. With
 * a managed executor every lane runs on it; each task runs with the application's context as it was when the
 * application started, when the server gives a way to capture it. Without one, each lane gets its own bounded
 * pool ({@link OwnThreads}). Once closed, no task starts any more: pending timed tasks are cancelled, AllFrame's own
 * threads are stopped, and new work is refused.
 */
public final class LaneWorkers implements Workers {

    private static final Logger LOG = Logger.getLogger(LaneWorkers.class.getName());

    private final Executor managed;
    private final Executor applicationContext;
    private final ScheduledExecutorService managedScheduler;
    private final Clock clock;
    private final Map<Lane, ExecutorService> own = new EnumMap<>(Lane.class);
    private final Set<Timer.Scheduled> pending = ConcurrentHashMap.newKeySet();
    private final Timer timer = this::schedule;
    private ScheduledExecutorService ownScheduler;
    private boolean closed;

    /**
     * @param managed            the server's managed executor, or {@code null}
     * @param managedScheduler   the server's managed scheduled executor, or {@code null}
     * @param applicationContext runs a task with the application's context, or {@code null} where there is none
     */
    public LaneWorkers(Executor managed, ScheduledExecutorService managedScheduler, Executor applicationContext,
                       Clock clock) {
        this.managed = managed;
        this.managedScheduler = managedScheduler;
        this.applicationContext = applicationContext;
        this.clock = requireNonNull(clock, "clock");
    }

    /** AllFrame's own threads only, for where there is no server. */
    public static LaneWorkers own(Clock clock) {
        return new LaneWorkers(null, null, null, clock);
    }

    @Override
    public Executor executor(Lane lane) {
        requireNonNull(lane, "lane");
        if (managed != null) {
            return task -> {
                refuseWhenClosed();
                managed.execute(inContext(task));
            };
        }
        return task -> ownPool(lane).execute(task);
    }

    @Override
    public Timer timer() {
        return timer;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        synchronized (own) {
            closed = true;
            own.values().forEach(ExecutorService::shutdownNow);
            own.clear();
            if (ownScheduler != null) {
                ownScheduler.shutdownNow();
            }
        }
        pending.forEach(Timer.Scheduled::cancel);
        pending.clear();
    }

    private Timer.Scheduled schedule(Duration delay, Runnable task) {
        ScheduledExecutorService scheduler = scheduler();
        PendingTask entry = new PendingTask();
        pending.add(entry);
        Runnable run = inContext(() -> {
            pending.remove(entry);
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.log(Level.WARNING, e, () -> WorkMessages.timedTaskFailed(e).toString());
            }
        });
        entry.scheduled(scheduler.schedule(run, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS));
        return entry;
    }

    /** A timed task, known before the scheduler may run it: one with no delay can run before it is handed back. */
    private final class PendingTask implements Timer.Scheduled {

        private volatile Future<?> scheduled;
        private volatile boolean cancelled;

        void scheduled(Future<?> future) {
            scheduled = future;
            if (cancelled) {
                future.cancel(false);
            }
        }

        @Override
        public void cancel() {
            cancelled = true;
            pending.remove(this);
            Future<?> future = scheduled;
            if (future != null) {
                future.cancel(false);
            }
        }
    }

    private ScheduledExecutorService scheduler() {
        if (managedScheduler != null) {
            refuseWhenClosed();
            return managedScheduler;
        }
        synchronized (own) {
            refuseWhenClosedLocked();
            if (ownScheduler == null) {
                ownScheduler = OwnThreads.timer();
            }
            return ownScheduler;
        }
    }

    private ExecutorService ownPool(Lane lane) {
        synchronized (own) {
            refuseWhenClosedLocked();
            return own.computeIfAbsent(lane, l -> OwnThreads.pool(l, OwnThreads.threadsFor(l)));
        }
    }

    private Runnable inContext(Runnable task) {
        return applicationContext == null ? task : () -> applicationContext.execute(task);
    }

    private void refuseWhenClosed() {
        synchronized (own) {
            refuseWhenClosedLocked();
        }
    }

    private void refuseWhenClosedLocked() {
        if (closed) {
            throw new RejectedExecutionException(WorkMessages.stopped().toString());
        }
    }
}
