package dev.allframe.core.projection;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs one piece of work as tasks on an executor, one task at a time however often it is asked to: a request while
 * a task runs makes it run once more afterwards, so that nothing asked for is missed and nothing runs twice at
 * once. No thread is held between tasks. Whatever a task throws goes to the crash handler, and so does an executor
 * that refuses the task before it was stopped: work that cannot run is never silently not run. Stopping interrupts the
 * task running then, so that work blocked in a handler ends (its transaction rolls back) instead of holding its
 * locks after the application has gone.
 */
final class TaskRunner {

    private final Executor executor;
    private final BooleanSupplier work;
    private final Consumer<Throwable> crashed;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final Object lock = new Object();
    private volatile boolean again;
    private volatile boolean stopped;
    private Thread running;

    /**
     * @param work    one task's work; {@code true} when there is more to do at once
     * @param crashed told what a task threw
     */
    TaskRunner(Executor executor, BooleanSupplier work, Consumer<Throwable> crashed) {
        this.executor = executor;
        this.work = work;
        this.crashed = crashed;
    }

    /** Runs the work soon: now, or once more after the task running now. */
    void request() {
        again = true;
        if (!stopped && queued.compareAndSet(false, true)) {
            try {
                executor.execute(this::run);
            } catch (RejectedExecutionException refused) {
                queued.set(false);
                if (!stopped) {
                    crashed.accept(refused);
                }
            }
        }
    }

    /** No task starts any more, and the one running now is interrupted. */
    void stop() {
        synchronized (lock) {
            stopped = true;
            if (running != null) {
                running.interrupt();
            }
        }
    }

    /** Waits up to {@code timeout} for the task running now, if any. */
    void awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            long left;
            while (running != null && (left = deadline - System.nanoTime()) > 0) {
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void run() {
        synchronized (lock) {
            if (stopped) {
                queued.set(false);
                return;
            }
            running = Thread.currentThread();
        }
        again = false;
        boolean more = false;
        try {
            more = work.getAsBoolean();
        } catch (Throwable thrown) {
            crashed.accept(thrown);
        } finally {
            synchronized (lock) {
                running = null;
                queued.set(false);
                lock.notifyAll();
                if (stopped) {
                    Thread.interrupted();
                }
            }
        }
        if ((more || again) && !stopped) {
            request();
        }
    }
}
