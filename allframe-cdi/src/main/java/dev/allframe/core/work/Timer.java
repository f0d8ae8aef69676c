package dev.allframe.core.work;

import java.time.Duration;

/**
 * Runs a task once a delay has passed. Tasks must be short: one that has longer work hands it to an executor.
 * Timeouts, back-off, polling and leases all wait through a timer, so that a test advances a manual one instead
 * of sleeping.
 */
@FunctionalInterface
public interface Timer {

    /** Runs {@code task} once {@code delay} has passed; the handle cancels it until then. */
    Scheduled schedule(Duration delay, Runnable task);

    /** A task waiting for its time. */
    @FunctionalInterface
    interface Scheduled {

        /** Keeps the task from running, unless it runs already. */
        void cancel();
    }
}
