package dev.allframe.core.projection;

import java.time.Duration;

/**
 * How tracking processors run.
 *
 * @param batchSize    events read and applied per transaction
 * @param pollInterval how long an idle processor waits before looking at the log again, when no append
 *                     woke it
 * @param maxRetries   how often a failing event is tried again before the projection stops
 * @param retryBackoff the wait before the first retry; it doubles with each further retry
 */
public record ProjectionSettings(int batchSize, Duration pollInterval, int maxRetries, Duration retryBackoff) {

    /** The wait before retry {@code attempt} (0 for the first). */
    Duration backoff(int attempt) {
        return retryBackoff.multipliedBy(1L << Math.min(attempt, 16));
    }
}
