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
 * once. No thread is held between tasks. Whatever a task throws goes to the crash handler.
 */
final class TaskRunner {

    private final Executor executor;
    private final BooleanSupplier work;
    private final Consumer<Throwable> crashed;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final Object lock = new Object();
    private volatile boolean again;
    private volatile boolean stopped;
    private boolean running;

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
            } catch (RejectedExecutionException stopping) {
                queued.set(false);
            }
        }
    }

    /** No task starts any more. */
    void stop() {
        stopped = true;
    }

    /** Waits up to {@code timeout} for the task running now, if any. */
    void awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            long left;
            while (running && (left = deadline - System.nanoTime()) > 0) {
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
            running = true;
        }
        again = false;
        boolean more = false;
        try {
            more = work.getAsBoolean();
        } catch (Throwable thrown) {
            crashed.accept(thrown);
        } finally {
            synchronized (lock) {
                running = false;
                queued.set(false);
                lock.notifyAll();
            }
        }
        if ((more || again) && !stopped) {
            request();
        }
    }
}
