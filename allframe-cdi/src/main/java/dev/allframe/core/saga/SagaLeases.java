package dev.allframe.core.saga;

import dev.allframe.core.message.SagaMessages;
import dev.allframe.core.work.Timer;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps a {@link SagaEngine}'s leases alive and looks for sagas to recover: leases are renewed every third of a
 * lease, recovery runs at start and then every quarter lease, so that a saga whose process died is taken over at most
 * a quarter lease after its lease ran out. Each is a task of its own on the executor, brought back
 * by the timer once the last one ended, so that a slow recovery delays no renewal. Closing it stops both.
 */
public final class SagaLeases implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SagaLeases.class.getName());

    private final Timer timer;
    private final Executor executor;
    private final Object lock = new Object();
    private final Timer.Scheduled[] scheduled = new Timer.Scheduled[2];
    private boolean closed;

    private SagaLeases(Timer timer, Executor executor) {
        this.timer = timer;
        this.executor = executor;
    }

    public static SagaLeases start(SagaEngine engine, Duration lease, Timer timer, Executor executor) {
        SagaLeases leases = new SagaLeases(timer, executor);
        Duration third = Duration.ofMillis(Math.max(1, lease.toMillis() / 3));
        Duration quarter = Duration.ofMillis(Math.max(1, lease.toMillis() / 4));
        leases.every(0, third, third, "renewing leases", engine::renewLeases);
        leases.every(1, Duration.ZERO, quarter, "looking for sagas to recover", engine::recoverNow);
        return leases;
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            for (Timer.Scheduled next : scheduled) {
                if (next != null) {
                    next.cancel();
                }
            }
        }
    }

    private void every(int slot, Duration first, Duration interval, String work, Runnable task) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            try {
                scheduled[slot] = timer.schedule(first, () -> run(slot, interval, work, task));
            } catch (RejectedExecutionException stopping) {
                closed = true;
            }
        }
    }

    private void run(int slot, Duration interval, String work, Runnable task) {
        try {
            executor.execute(() -> {
                guarded(work, task);
                every(slot, interval, interval, work, task);
            });
        } catch (RejectedExecutionException stopping) {
            close();
        }
    }

    private static void guarded(String work, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, SagaMessages.sagaStoreFailed(work).toString(), e);
        }
    }
}
