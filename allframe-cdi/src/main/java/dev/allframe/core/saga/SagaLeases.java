package dev.allframe.core.saga;

import dev.allframe.core.message.SagaMessages;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps a {@link SagaEngine}'s leases alive and looks for sagas to recover, on a daemon thread of its own:
 * at start, then every half lease; leases are renewed every third of one.
 */
public final class SagaLeases implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SagaLeases.class.getName());

    private final ScheduledExecutorService scheduler;

    private SagaLeases(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    public static SagaLeases start(SagaEngine engine, Duration lease) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "allframe-saga-leases");
            thread.setDaemon(true);
            return thread;
        });
        long third = Math.max(1, lease.toMillis() / 3);
        long half = Math.max(1, lease.toMillis() / 2);
        scheduler.scheduleWithFixedDelay(() -> guarded("renewing leases", engine::renewLeases), third, third,
                TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(() -> guarded("looking for sagas to recover", engine::recoverNow), 0, half,
                TimeUnit.MILLISECONDS);
        return new SagaLeases(scheduler);
    }

    private static void guarded(String work, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, SagaMessages.sagaStoreFailed(work).toString(), e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
