package dev.allframe.core.work;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** A {@link Timer} on a scheduled executor: the server's managed one, or AllFrame's own. */
public final class ScheduledTimer implements Timer {

    private final ScheduledExecutorService scheduler;

    public ScheduledTimer(ScheduledExecutorService scheduler) {
        this.scheduler = requireNonNull(scheduler, "scheduler");
    }

    @Override
    public Scheduled schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> future = scheduler.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }
}
