package dev.allframe.core.config;

import dev.allframe.core.Problems;
import dev.allframe.core.message.ConfigMessages;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How long AllFrame keeps what it needs only for a while, and how it removes it.
 *
 * @param idempotencyKeys how long an idempotency key, and an idempotency scope once closed, is kept: a command
 *                        repeated within that time is a duplicate, one repeated later runs again; empty to keep
 *                        them for good
 * @param finishedSagas   how long a finished saga and its history are kept after its last change; empty to keep
 *                        them for good
 * @param interval        how often retention runs
 * @param batchSize       how many rows one transaction removes at most
 */
public record RetentionSettings(Optional<Duration> idempotencyKeys, Optional<Duration> finishedSagas,
                                Duration interval, int batchSize) {

    /** The value that keeps keys or sagas for good. */
    public static final String FOREVER = "forever";

    private static final int MAX_BATCH = 10_000;

    /** Reads {@code allframe.retention.*}; each bad value is added to {@code problems}, and its default used. */
    public static RetentionSettings read(ConfigValues values, Problems problems) {
        return new RetentionSettings(kept(values, ConfigKey.RETENTION_IDEMPOTENCY_KEYS, problems),
                kept(values, ConfigKey.RETENTION_SAGAS, problems),
                DurationValue.read(values, ConfigKey.RETENTION_INTERVAL, problems), batchSize(values, problems));
    }

    public static RetentionSettings defaults() {
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

    /** Whether anything is ever removed. */
    public boolean prunes() {
        return idempotencyKeys.isPresent() || finishedSagas.isPresent();
    }

    private static Optional<Duration> kept(ConfigValues values, ConfigKey key, Problems problems) {
        String raw = values.value(key.key()).orElse(key.defaultValue());
        String text = raw.trim();
        if (text.toLowerCase(Locale.ROOT).equals(FOREVER)) {
            return Optional.empty();
        }
        Duration parsed = DurationValue.parse(text);
        if (parsed == null || parsed.isNegative() || parsed.isZero()) {
            problems.add(ConfigMessages.badConfigValue(key.key(), raw,
                    "a positive duration such as 7d, 12h, 30m or P7D, or " + FOREVER + " to keep them for good"));
            return Optional.of(DurationValue.parse(key.defaultValue()));
        }
        return Optional.of(parsed);
    }

    private static int batchSize(ConfigValues values, Problems problems) {
        ConfigKey key = ConfigKey.RETENTION_BATCH_SIZE;
        Optional<String> raw = values.value(key.key());
        if (raw.isPresent()) {
            try {
                int size = Integer.parseInt(raw.get().trim());
                if (size >= 1 && size <= MAX_BATCH) {
                    return size;
                }
            } catch (NumberFormatException e) {
                // reported below, as every other bad value
            }
            problems.add(ConfigMessages.badConfigValue(key.key(), raw.get(), "a whole number from 1 to " + MAX_BATCH));
        }
        return Integer.parseInt(key.defaultValue());
    }
}
