package dev.allframe.core.work;

import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * AllFrame's own threads, for where no server gives managed ones: daemon threads named
 * {@code allframe-<lane>-<n>}, a bounded pool per lane whose idle threads end after a minute, and one timer thread.
 */
public final class OwnThreads {

    private static final long KEEP_ALIVE_SECONDS = 60;

    private OwnThreads() {
    }

    /** A pool of up to {@code threads} threads for {@code lane}; tasks beyond them wait in its queue. */
    public static ExecutorService pool(Lane lane, int threads) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), named("allframe-" + lane.name().toLowerCase(Locale.ROOT)));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** One thread that runs timed tasks. */
    public static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, named("allframe-timer"));
        timer.setRemoveOnCancelPolicy(true);
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return timer;
    }

    /** How many threads a lane gets: as many as cores for work that computes, more for work that waits. */
    public static int threadsFor(Lane lane) {
        int cores = Runtime.getRuntime().availableProcessors();
        return switch (lane) {
            case DISPATCH, PROJECTIONS -> Math.max(2, cores);
            case SAGAS, STEPS -> Math.max(16, 8 * cores);
            case RETENTION, LISTENING, NOTIFYING -> 1;
        };
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
