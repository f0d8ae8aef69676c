package dev.allframe.core.config;

import java.util.Arrays;
import java.util.List;

/**
 * Every {@code allframe.*} configuration key that allframe-cdi reads, with its default; stores declare their
 * own keys ({@link dev.allframe.spi.EventStoreProvider#configKeys()}). The configuration reference lists the
 * same keys.
 */
public enum ConfigKey {
    EVENT_STORE("allframe.event-store", "memory"),
    COMMAND_MAX_RETRIES("allframe.command.max-retries", "3"),
    SNAPSHOT_EVERY("allframe.snapshot.every", "0"),
    PROJECTION_BATCH_SIZE("allframe.projection.batch-size", "500"),
    PROJECTION_POLL_INTERVAL("allframe.projection.poll-interval", "1s"),
    PROJECTION_MAX_RETRIES("allframe.projection.max-retries", "3"),
    PROJECTION_RETRY_BACKOFF("allframe.projection.retry-backoff", "100ms"),
    SAGA_STEP_TIMEOUT("allframe.saga.step-timeout", "30s"),
    SAGA_LEASE("allframe.saga.lease", "30s"),
    RETENTION_IDEMPOTENCY_KEYS("allframe.retention.idempotency-keys", "7d"),
    RETENTION_SAGAS("allframe.retention.sagas", "30d"),
    RETENTION_INTERVAL("allframe.retention.interval", "1h"),
    RETENTION_BATCH_SIZE("allframe.retention.batch-size", "1000");

    private final String key;
    private final String defaultValue;

    ConfigKey(String key, String defaultValue) {
        this.key = key;
        this.defaultValue = defaultValue;
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(ConfigKey::key).toList();
    }
}
