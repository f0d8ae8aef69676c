package dev.allframe.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.core.Problems;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetentionSettingsTest {

    @Test
    void keysAreKeptSevenDaysAndFinishedSagasThirtyPrunedHourlyInBatchesOfAThousand() {
        assertThat(RetentionSettings.defaults()).isEqualTo(new RetentionSettings(Optional.of(Duration.ofDays(7)),
                Optional.of(Duration.ofDays(30)), Duration.ofHours(1), 1000));
    }

    @Test
    void setValuesAreReadInDaysHoursOrIso() {
        Problems problems = new Problems();

        RetentionSettings settings = RetentionSettings.read(values(Map.of(
                "allframe.retention.idempotency-keys", " 36h ", "allframe.retention.sagas", "90d",
                "allframe.retention.interval", "PT15M", "allframe.retention.batch-size", "250")), problems);

        assertThat(problems.messages()).isEmpty();
        assertThat(settings).isEqualTo(new RetentionSettings(Optional.of(Duration.ofHours(36)),
                Optional.of(Duration.ofDays(90)), Duration.ofMinutes(15), 250));
    }

    @Test
    void foreverKeepsEverything() {
        Problems problems = new Problems();

        RetentionSettings settings = RetentionSettings.read(values(Map.of(
                "allframe.retention.idempotency-keys", "forever", "allframe.retention.sagas", " FOREVER")), problems);

        assertThat(problems.messages()).isEmpty();
        assertThat(settings.idempotencyKeys()).isEmpty();
        assertThat(settings.finishedSagas()).isEmpty();
        assertThat(settings.prunes()).isFalse();
        assertThat(RetentionSettings.defaults().prunes()).isTrue();
    }

    @Test
    void badValuesAreEachReportedAndTheDefaultsApply() {
        Problems problems = new Problems();

        RetentionSettings settings = RetentionSettings.read(values(Map.of(
                "allframe.retention.idempotency-keys", "a week", "allframe.retention.sagas", "0d",
                "allframe.retention.interval", "forever", "allframe.retention.batch-size", "0")), problems);

        assertThat(problems.messages()).map(String::valueOf).containsExactly(
                "AF1010: Configuration value 'a week' of allframe.retention.idempotency-keys is invalid: expected a"
                        + " positive duration such as 7d, 12h, 30m or P7D, or forever to keep them for good",
                "AF1010: Configuration value '0d' of allframe.retention.sagas is invalid: expected a positive"
                        + " duration such as 7d, 12h, 30m or P7D, or forever to keep them for good",
                "AF1010: Configuration value 'forever' of allframe.retention.interval is invalid: expected a duration from 10ms to 24h,"
                        + " such as 250ms, 2s, 5m or PT1S",
                "AF1010: Configuration value '0' of allframe.retention.batch-size is invalid: expected a whole number"
                        + " from 1 to 10000");
        assertThat(settings).isEqualTo(RetentionSettings.defaults());
    }

    @Test
    void batchesAreBounded() {
        Problems problems = new Problems();

        RetentionSettings.read(values(Map.of("allframe.retention.batch-size", "50000")), problems);
        RetentionSettings.read(values(Map.of("allframe.retention.batch-size", "many")), problems);

        assertThat(problems.messages()).map(String::valueOf).containsExactly(
                "AF1010: Configuration value '50000' of allframe.retention.batch-size is invalid: expected a whole"
                        + " number from 1 to 10000",
                "AF1010: Configuration value 'many' of allframe.retention.batch-size is invalid: expected a whole"
                        + " number from 1 to 10000");
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
