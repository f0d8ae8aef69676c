package dev.allframe.cdi.error.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.AllFrameDeploymentException;
import dev.allframe.cdi.Deployments;
import dev.allframe.cdi.TestConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigProblemsTest {

    @Test
    void unparsableValuesAndUnknownKeysFromMicroProfileConfigFailTheDeployment() throws Exception {
        AllFrameDeploymentException failure = TestConfig.with(Map.of(
                "allframe.command.max-retries", "lots",
                "allframe.event-store", "files",
                "allframe.command.retries", "2"), () -> Deployments.failure(TickHandler.class));

        assertThat(failure.problems()).map(String::valueOf).containsExactly(
                "AF1011: Configuration key allframe.command.retries is not an AllFrame key; known keys:"
                        + " allframe.event-store, allframe.command.max-retries, allframe.command.turn-wait, allframe.snapshot.every, allframe.state-cache.streams,"
                        + " allframe.projection.batch-size, allframe.projection.poll-interval,"
                        + " allframe.projection.max-retries, allframe.projection.retry-backoff,"
                        + " allframe.projection.lease, allframe.node.name, allframe.saga.step-timeout, allframe.saga.lease,"
                        + " allframe.retention.idempotency-keys, allframe.retention.sagas, allframe.retention.interval,"
                        + " allframe.retention.batch-size, allframe.telemetry.enabled, allframe.health.max-lag,"
                        + " allframe.recording.unit",
                "AF1016: allframe.event-store=files names no available event store; available: memory, recording",
                "AF1010: Configuration value 'lots' of allframe.command.max-retries is invalid: expected a whole"
                        + " number from 0 to 100");
    }

    @Test
    void valuesThatParseButCannotWorkFailTheDeployment() throws Exception {
        AllFrameDeploymentException failure = TestConfig.with(Map.of(
                "allframe.projection.batch-size", "0",
                "allframe.projection.poll-interval", "9999999999h",
                "allframe.saga.lease", "1ms"), () -> Deployments.failure(TickHandler.class));

        assertThat(failure.problems()).map(String::valueOf).containsExactly(
                "AF1010: Configuration value '0' of allframe.projection.batch-size is invalid: expected a whole number"
                        + " from 1 to 10000",
                "AF1010: Configuration value '9999999999h' of allframe.projection.poll-interval is invalid: expected"
                        + " a duration from 10ms to 1h, such as 250ms, 2s, 5m or PT1S",
                "AF1010: Configuration value '1ms' of allframe.saga.lease is invalid: expected a duration from 1s to"
                        + " 24h, such as 250ms, 2s, 5m or PT1S");
    }

    @Test
    void badRetentionValuesFailTheDeployment() throws Exception {
        AllFrameDeploymentException failure = TestConfig.with(Map.of(
                "allframe.retention.idempotency-keys", "-7d",
                "allframe.retention.sagas", "a month",
                "allframe.retention.interval", "0s",
                "allframe.retention.batch-size", "-5"), () -> Deployments.failure(TickHandler.class));

        assertThat(failure.problems()).map(String::valueOf).containsExactly(
                "AF1010: Configuration value '-7d' of allframe.retention.idempotency-keys is invalid: expected a"
                        + " positive duration such as 7d, 12h, 30m or P7D, or forever to keep them for good",
                "AF1010: Configuration value 'a month' of allframe.retention.sagas is invalid: expected a positive"
                        + " duration such as 7d, 12h, 30m or P7D, or forever to keep them for good",
                "AF1010: Configuration value '0s' of allframe.retention.interval is invalid: expected a duration from 10ms to 24h,"
                        + " such as 250ms, 2s, 5m or PT1S",
                "AF1010: Configuration value '-5' of allframe.retention.batch-size is invalid: expected a whole number"
                        + " from 1 to 10000");
    }
}
