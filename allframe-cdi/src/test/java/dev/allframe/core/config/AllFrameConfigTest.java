package dev.allframe.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.core.Problems;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AllFrameConfigTest {

    private static final List<String> STORES = List.of("memory", "jpa");
    private static final List<String> STORE_KEYS = List.of("allframe.jpa.persistence-unit", "allframe.jpa.create-schema");

    @Test
    void defaultsApplyWhenNothingIsSet() {
        Problems problems = new Problems();

        AllFrameConfig config = AllFrameConfig.read(values(Map.of("other.key", "x")), STORES, STORE_KEYS, problems);

        assertThat(config).isEqualTo(new AllFrameConfig("memory", 3, 0));
        assertThat(config).isEqualTo(AllFrameConfig.defaults());
        assertThat(problems.messages()).isEmpty();
    }

    @Test
    void setValuesAreRead() {
        Problems problems = new Problems();

        AllFrameConfig config = AllFrameConfig.read(values(Map.of("allframe.command.max-retries", " 7 ",
                "allframe.event-store", "memory")), STORES, STORE_KEYS, problems);

        assertThat(config).isEqualTo(new AllFrameConfig("memory", 7, 0));
        assertThat(problems.messages()).isEmpty();
    }

    @Test
    void everyBadValueAndUnknownKeyIsReported() {
        Problems problems = new Problems();

        AllFrameConfig.read(values(Map.of("allframe.command.max-retries", "three",
                "allframe.event-store", "cassandra", "allframe.comand.max-retries", "2")), STORES, STORE_KEYS, problems);

        assertThat(problems.messages()).map(String::valueOf).containsExactlyInAnyOrder(
                "AF1011: Configuration key allframe.comand.max-retries is not an AllFrame key; known keys: "
                        + "allframe.event-store, allframe.command.max-retries, allframe.command.turn-wait, allframe.snapshot.every, allframe.state-cache.streams,"
                        + " allframe.projection.batch-size, allframe.projection.poll-interval,"
                        + " allframe.projection.max-retries, allframe.projection.retry-backoff,"
                        + " allframe.projection.lease, allframe.node.name, allframe.saga.step-timeout, allframe.saga.lease,"
                        + " allframe.retention.idempotency-keys, allframe.retention.sagas, allframe.retention.interval,"
                        + " allframe.retention.batch-size, allframe.telemetry.enabled, allframe.health.max-lag,"
                        + " allframe.jpa.persistence-unit,"
                        + " allframe.jpa.create-schema",
                "AF1016: allframe.event-store=cassandra names no available event store; available: memory, jpa",
                "AF1010: Configuration value 'three' of allframe.command.max-retries is invalid: expected a whole"
                        + " number from 0 to 100");
    }

    @Test
    void projectionSettingsTakeCountsAndDurations() {
        Problems problems = new Problems();

        AllFrameConfig config = AllFrameConfig.read(values(Map.of("allframe.projection.batch-size", "50",
                "allframe.projection.poll-interval", "250ms", "allframe.projection.max-retries", "0",
                "allframe.projection.retry-backoff", "PT2S")), STORES, STORE_KEYS, problems);

        assertThat(problems.messages()).isEmpty();
        assertThat(config.projections()).isEqualTo(new dev.allframe.core.projection.ProjectionSettings(50,
                java.time.Duration.ofMillis(250), 0, java.time.Duration.ofSeconds(2)));
        assertThat(AllFrameConfig.defaults().projections()).isEqualTo(new dev.allframe.core.projection.ProjectionSettings(
                500, java.time.Duration.ofSeconds(1), 3, java.time.Duration.ofMillis(100)));
    }

    @Test
    void theNodeIsNamedAsConfiguredOrGetsAName() {
        Problems problems = new Problems();

        AllFrameConfig named = AllFrameConfig.read(values(Map.of("allframe.node.name", " server-1 ",
                "allframe.projection.lease", "45s")), STORES, STORE_KEYS, problems);
        AllFrameConfig unnamed = AllFrameConfig.read(values(Map.of()), STORES, STORE_KEYS, problems);
        AllFrameConfig.read(values(Map.of("allframe.node.name", "n".repeat(201))), STORES, STORE_KEYS, problems);

        assertThat(named.projections().node()).isEqualTo("server-1");
        assertThat(named.projections().lease()).isEqualTo(java.time.Duration.ofSeconds(45));
        assertThat(unnamed.projections().node()).isEqualTo(dev.allframe.core.projection.ProjectionSettings.nodeName())
                .contains(String.valueOf(ProcessHandle.current().pid()));
        assertThat(problems.messages()).map(String::valueOf).containsExactly("AF1010: Configuration value '"
                + "n".repeat(201) + "' of allframe.node.name is invalid: expected a name of at most 200 characters,"
                + " or none to make one up");
    }

    @Test
    void badDurationsAreReported() {
        Problems problems = new Problems();

        AllFrameConfig.read(values(Map.of("allframe.projection.poll-interval", "soon",
                "allframe.projection.retry-backoff", "0s")), STORES, STORE_KEYS, problems);

        assertThat(problems.messages()).map(String::valueOf).containsExactly(
                "AF1010: Configuration value 'soon' of allframe.projection.poll-interval is invalid: expected a duration"
                        + " from 10ms to 1h, such as 250ms, 2s, 5m or PT1S",
                "AF1010: Configuration value '0s' of allframe.projection.retry-backoff is invalid: expected a duration"
                        + " from 1ms to 1h, such as 250ms, 2s, 5m or PT1S");
    }

    @Test
    void negativeRetriesAreInvalid() {
        Problems problems = new Problems();

        AllFrameConfig.read(values(Map.of("allframe.command.max-retries", "-1")), STORES, STORE_KEYS, problems);

        assertThat(problems.messages()).map(String::valueOf).containsExactly("AF1010: Configuration value '-1' of "
                + "allframe.command.max-retries is invalid: expected a whole number from 0 to 100");
    }

    @Test
    void valuesThatParseButCannotWorkAreRefused() {
        Problems problems = new Problems();

        AllFrameConfig config = AllFrameConfig.read(values(new java.util.TreeMap<>(Map.of(
                "allframe.projection.batch-size", "0",
                "allframe.projection.poll-interval", "999999999999h",
                "allframe.projection.max-retries", "1000",
                "allframe.projection.retry-backoff", "2h",
                "allframe.command.max-retries", "101",
                "allframe.snapshot.every", "1000001"))), STORES, STORE_KEYS, problems);

        assertThat(problems.messages()).map(String::valueOf).containsExactly(
                "AF1010: Configuration value '0' of allframe.projection.batch-size is invalid: expected a whole number"
                        + " from 1 to 10000",
                "AF1010: Configuration value '999999999999h' of allframe.projection.poll-interval is invalid: expected"
                        + " a duration from 10ms to 1h, such as 250ms, 2s, 5m or PT1S",
                "AF1010: Configuration value '1000' of allframe.projection.max-retries is invalid: expected a whole"
                        + " number from 0 to 100",
                "AF1010: Configuration value '2h' of allframe.projection.retry-backoff is invalid: expected a duration"
                        + " from 1ms to 1h, such as 250ms, 2s, 5m or PT1S",
                "AF1010: Configuration value '101' of allframe.command.max-retries is invalid: expected a whole number"
                        + " from 0 to 100",
                "AF1010: Configuration value '1000001' of allframe.snapshot.every is invalid: expected a whole number"
                        + " from 0 to 1000000");
        assertThat(config).isEqualTo(AllFrameConfig.defaults());
    }

    @Test
    void theBoundsThemselvesAreAccepted() {
        Problems problems = new Problems();

        AllFrameConfig config = AllFrameConfig.read(values(Map.of("allframe.projection.batch-size", "10000",
                "allframe.projection.poll-interval", "10ms", "allframe.projection.retry-backoff", "PT1H",
                "allframe.projection.max-retries", "100")), STORES, STORE_KEYS, problems);

        assertThat(problems.messages()).isEmpty();
        assertThat(config.projections()).isEqualTo(new dev.allframe.core.projection.ProjectionSettings(10000,
                java.time.Duration.ofMillis(10), 100, java.time.Duration.ofHours(1)));
    }

    private static ConfigValues values(Map<String, String> map) {
        return new ConfigValues() {
            @Override
            public Optional<String> value(String key) {
                return Optional.ofNullable(map.get(key));
            }

            @Override
            public Iterable<String> keys() {
                return map.keySet();
            }
        };
    }
}
