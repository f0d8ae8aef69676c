package dev.allframe.core.config;

import java.util.Arrays;
import java.util.List;

/**
 * Every {@code allframe.*} configuration key that allframe-cdi reads, with its default; stores declare their
 * own keys ({@link dev.allframe.spi.EventStoreProvider#configKeys()}). The configuration reference lists the
 * same keys.
 */
public enum ConfigKey {
    EVENT_STORE("allframe.event-store", "memory", "", ""),
    COMMAND_MAX_RETRIES("allframe.command.max-retries", "3", "0", "100"),
    COMMAND_TURN_WAIT("allframe.command.turn-wait", "1s", "0ms", "1m"),
    SNAPSHOT_EVERY("allframe.snapshot.every", "0", "0", "1000000"),
    STATE_CACHE_STREAMS("allframe.state-cache.streams", "10000", "0", "10000000"),
    PROJECTION_BATCH_SIZE("allframe.projection.batch-size", "500", "1", "10000"),
    PROJECTION_POLL_INTERVAL("allframe.projection.poll-interval", "1s", "10ms", "1h"),
    PROJECTION_MAX_RETRIES("allframe.projection.max-retries", "3", "0", "100"),
    PROJECTION_RETRY_BACKOFF("allframe.projection.retry-backoff", "100ms", "1ms", "1h"),
    PROJECTION_LEASE("allframe.projection.lease", "15s", "1s", "1h"),
    NODE_NAME("allframe.node.name", "", "", ""),
    SAGA_STEP_TIMEOUT("allframe.saga.step-timeout", "30s", "1ms", "24h"),
    SAGA_LEASE("allframe.saga.lease", "30s", "1s", "24h"),
    RETENTION_IDEMPOTENCY_KEYS("allframe.retention.idempotency-keys", "7d", "", ""),
    RETENTION_SAGAS("allframe.retention.sagas", "30d", "", ""),
    RETENTION_INTERVAL("allframe.retention.interval", "1h", "10ms", "24h"),
    RETENTION_BATCH_SIZE("allframe.retention.batch-size", "1000", "1", "10000"),
    TELEMETRY_ENABLED("allframe.telemetry.enabled", "true", "", ""),
    HEALTH_MAX_LAG("allframe.health.max-lag", "0ms", "0ms", "7d");

    private final String key;
    private final String defaultValue;
    private final String least;
    private final String most;

    /**
     * @param least the smallest value accepted, blank for a key that is not a number or a duration, or that checks
     *              its values itself
     * @param most  the largest value accepted, in the same form
     */
    ConfigKey(String key, String defaultValue, String least, String most) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.least = least;
        this.most = most;
    }

    /** The smallest value accepted, as written in the configuration reference. */
    public String least() {
        return least;
    }

    /** The largest value accepted, as written in the configuration reference. */
    public String most() {
        return most;
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
