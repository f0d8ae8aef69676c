package dev.allframe.core.config;

import dev.allframe.core.Problems;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How sagas run.
 *
 * @param stepTimeout how long a step's execution may take, unless the step says otherwise
 * @param lease       how long a saga stays with the process running it without a sign of life from that
 *                    process; the process renews it while it runs the saga
 */
public record SagaSettings(Duration stepTimeout, Duration lease) {

    /** Reads {@code allframe.saga.*}; each bad value is added to {@code problems}. */
    public static SagaSettings read(ConfigValues values, Problems problems) {
        return new SagaSettings(DurationValue.read(values, ConfigKey.SAGA_STEP_TIMEOUT, problems),
                DurationValue.read(values, ConfigKey.SAGA_LEASE, problems));
    }

    public static SagaSettings defaults() {
        return read(new ConfigValues() {
            @Override
            public Optional<String> value(String key) {
                return Optional.empty();
            }

            @Override
            public Iterable<String> keys() {
                return List.of();
            }
        }, new Problems());
    }

    /** A step timeout as {@code @SagaStep(timeout = ...)} gives it; empty when it is not a positive duration of at most 24 hours. */
    public static Optional<Duration> parseTimeout(String text) {
        Duration parsed = DurationValue.parse(text.trim());
        return parsed == null || parsed.isNegative() || parsed.isZero()
                || parsed.compareTo(DurationValue.LONGEST_STEP_TIMEOUT) > 0 ? Optional.empty() : Optional.of(parsed);
    }
}
