package dev.allframe.core.saga;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.core.Problems;
import dev.allframe.core.config.ConfigValues;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FaultToleranceKeysTest {

    private static final String STEP = "com.example.Credit";
    private static final Duration OWN = Duration.ofSeconds(10);

    @Test
    void withoutKeysTheStepsOwnTimeoutAndNoRetries() {
        Problems problems = new Problems();

        assertThat(FaultToleranceKeys.read(values(Map.of("com.example.Debit/execute/Timeout/value", "5")), STEP, OWN,
                problems)).isEqualTo(StepPolicy.timeout(OWN));
        assertThat(problems.messages()).isEmpty();
    }

    @Test
    void theKeysOfTheStepsExecuteMethodOverrideItsTimeoutAndAddRetries() {
        Problems problems = new Problems();

        StepPolicy policy = FaultToleranceKeys.read(values(Map.of(
                STEP + "/execute/Timeout/value", " 1500 ",
                STEP + "/execute/Retry/maxRetries", "2",
                STEP + "/execute/Retry/delay", "250")), STEP, OWN, problems);

        assertThat(policy).isEqualTo(new StepPolicy(Duration.ofMillis(1500), 2, Duration.ofMillis(250)));
        assertThat(problems.messages()).isEmpty();
    }

    @Test
    void unitsAreChronoUnitNames() {
        Problems problems = new Problems();

        StepPolicy policy = FaultToleranceKeys.read(values(Map.of(
                STEP + "/execute/Timeout/value", "2",
                STEP + "/execute/Timeout/unit", "SECONDS",
                STEP + "/execute/Retry/delay", "1",
                STEP + "/execute/Retry/delayUnit", "minutes")), STEP, OWN, problems);

        assertThat(policy).isEqualTo(new StepPolicy(Duration.ofSeconds(2), 0, Duration.ofMinutes(1)));
        assertThat(problems.messages()).isEmpty();
    }

    @Test
    void everyBadValueIsReported() {
        Problems problems = new Problems();

        StepPolicy policy = FaultToleranceKeys.read(values(Map.of(
                STEP + "/execute/Timeout/value", "0",
                STEP + "/execute/Timeout/unit", "WEEKS",
                STEP + "/execute/Retry/maxRetries", "-1",
                STEP + "/execute/Retry/delay", "soon",
                STEP + "/execute/Retry/delayUnit", "ms")), STEP, OWN, problems);

        assertThat(policy).isEqualTo(StepPolicy.timeout(OWN));
        assertThat(problems.messages()).map(String::valueOf).containsExactly(
                "AF1010: Configuration value '0' of com.example.Credit/execute/Timeout/value is invalid: expected a"
                        + " whole number above 0",
                "AF1010: Configuration value 'WEEKS' of com.example.Credit/execute/Timeout/unit is invalid: expected"
                        + " a java.time.temporal.ChronoUnit from NANOS to DAYS, such as MILLIS or SECONDS",
                "AF1010: Configuration value '-1' of com.example.Credit/execute/Retry/maxRetries is invalid: expected"
                        + " a whole number, 0 or more",
                "AF1010: Configuration value 'soon' of com.example.Credit/execute/Retry/delay is invalid: expected a"
                        + " whole number, 0 or more",
                "AF1010: Configuration value 'ms' of com.example.Credit/execute/Retry/delayUnit is invalid: expected"
                        + " a java.time.temporal.ChronoUnit from NANOS to DAYS, such as MILLIS or SECONDS");
    }

    @Test
    void aTimeoutTooLongForADurationIsReported() {
        Problems problems = new Problems();

        FaultToleranceKeys.read(values(Map.of(STEP + "/execute/Timeout/value", "9223372036854775807",
                STEP + "/execute/Timeout/unit", "DAYS")), STEP, OWN, problems);

        assertThat(problems.messages()).map(String::valueOf).containsExactly("AF1010: Configuration value '9223372036854775807' of"
                + " com.example.Credit/execute/Timeout/value is invalid: expected a duration that fits in"
                + " java.time.Duration");
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
