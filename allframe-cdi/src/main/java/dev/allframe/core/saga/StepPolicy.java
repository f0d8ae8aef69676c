package dev.allframe.core.saga;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How one step's execution is bounded: each attempt gets {@code timeout}; a failed or timed-out attempt is
 * tried again up to {@code maxRetries} times, {@code retryDelay} after it ended.
 */
public record StepPolicy(Duration timeout, int maxRetries, Duration retryDelay) {

    public StepPolicy {
        requireNonNull(timeout, "timeout");
        requireNonNull(retryDelay, "retryDelay");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be 0 or more: " + maxRetries);
        }
        if (retryDelay.isNegative()) {
            throw new IllegalArgumentException("retryDelay must not be negative: " + retryDelay);
        }
    }

    /** One attempt, bounded by {@code timeout}. */
    public static StepPolicy timeout(Duration timeout) {
        return new StepPolicy(timeout, 0, Duration.ZERO);
    }
}
