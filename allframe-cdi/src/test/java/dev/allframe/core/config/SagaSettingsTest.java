package dev.allframe.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.core.Problems;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SagaSettingsTest {

    @Test
    void defaultsAreThirtySecondsEach() {
        assertThat(SagaSettings.defaults()).isEqualTo(new SagaSettings(Duration.ofSeconds(30), Duration.ofSeconds(30)));
    }

    @Test
    void setValuesAreReadAndBadOnesReported() {
        Problems problems = new Problems();

        SagaSettings settings = SagaSettings.read(values(Map.of("allframe.saga.step-timeout", "750ms",
                "allframe.saga.lease", "soon")), problems);

        assertThat(settings).isEqualTo(new SagaSettings(Duration.ofMillis(750), Duration.ofSeconds(30)));
        assertThat(problems.messages()).map(String::valueOf).containsExactly("AF1010: Configuration value 'soon' of allframe.saga.lease"
                + " is invalid: expected a duration from 1s to 24h, such as 250ms, 2s, 5m or PT1S");
    }

    @Test
    void leasesAndTimeoutsOutsideTheirBoundsAreRefused() {
        Problems problems = new Problems();

        SagaSettings settings = SagaSettings.read(values(Map.of("allframe.saga.step-timeout", "25h",
                "allframe.saga.lease", "1ms")), problems);

        assertThat(settings).isEqualTo(SagaSettings.defaults());
        assertThat(problems.messages()).map(String::valueOf).containsExactly(
                "AF1010: Configuration value '25h' of allframe.saga.step-timeout is invalid: expected a duration from"
                        + " 1ms to 24h, such as 250ms, 2s, 5m or PT1S",
                "AF1010: Configuration value '1ms' of allframe.saga.lease is invalid: expected a duration from 1s to"
                        + " 24h, such as 250ms, 2s, 5m or PT1S");
        assertThat(SagaSettings.parseTimeout("999999999999h")).isEmpty();
        assertThat(SagaSettings.parseTimeout("24h")).contains(Duration.ofHours(24));
    }

    @Test
    void stepTimeoutsAreParsedLikeConfiguredDurations() {
        assertThat(SagaSettings.parseTimeout(" 2s ")).contains(Duration.ofSeconds(2));
        assertThat(SagaSettings.parseTimeout("PT1M")).contains(Duration.ofMinutes(1));
        assertThat(SagaSettings.parseTimeout("0s")).isEmpty();
        assertThat(SagaSettings.parseTimeout("fast")).isEmpty();
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
