package dev.allframe.core.saga;

import dev.allframe.core.Problems;
import dev.allframe.core.config.ConfigValues;
import dev.allframe.core.message.ConfigMessages;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * The MicroProfile Fault Tolerance keys of a {@code @SagaStep} class's {@code execute} method, read by AllFrame
 * itself: {@code <class>/execute/Timeout/value} (in {@code .../Timeout/unit}, milliseconds by default) overrides
 * the step's timeout; {@code <class>/execute/Retry/maxRetries} and {@code .../Retry/delay} (in
 * {@code .../Retry/delayUnit}) add retries. AllFrame bounds the step with them whether or not a Fault Tolerance
 * implementation is there, and whatever annotations it honours.
 */
public final class FaultToleranceKeys {

    private static final String POSITIVE = "a whole number above 0";
    private static final String NOT_NEGATIVE = "a whole number, 0 or more";
    private static final String UNIT = "a java.time.temporal.ChronoUnit from NANOS to DAYS, such as MILLIS or SECONDS";

    private FaultToleranceKeys() {
    }

    /**
     * The policy of step {@code stepClass}, whose timeout is {@code timeout} unless its keys say otherwise; each
     * bad value is added to {@code problems}.
     */
    public static StepPolicy read(ConfigValues values, String stepClass, Duration timeout, Problems problems) {
        String prefix = stepClass + "/execute/";
        int before = problems.size();
        Optional<Duration> ownTimeout = duration(values, prefix + "Timeout/value", prefix + "Timeout/unit", 1,
                POSITIVE, problems);
        long retries = number(values, prefix + "Retry/maxRetries", 0, NOT_NEGATIVE, problems).orElse(0L);
        if (retries > Integer.MAX_VALUE) {
            problems.add(ConfigMessages.badConfigValue(prefix + "Retry/maxRetries", Long.toString(retries),
                    "at most " + Integer.MAX_VALUE));
        }
        Duration delay = duration(values, prefix + "Retry/delay", prefix + "Retry/delayUnit", 0, NOT_NEGATIVE,
                problems).orElse(Duration.ZERO);
        if (problems.size() > before) {
            return StepPolicy.timeout(timeout);
        }
        return new StepPolicy(ownTimeout.orElse(timeout), (int) retries, delay);
    }

    private static Optional<Duration> duration(ConfigValues values, String valueKey, String unitKey, long minimum,
                                               String expected, Problems problems) {
        Optional<Long> amount = number(values, valueKey, minimum, expected, problems);
        ChronoUnit unit = unit(values, unitKey, problems);
        if (amount.isEmpty() || unit == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.of(amount.get(), unit));
        } catch (ArithmeticException e) {
            problems.add(ConfigMessages.badConfigValue(valueKey, amount.get().toString(),
                    "a duration that fits in java.time.Duration"));
            return Optional.empty();
        }
    }

    private static Optional<Long> number(ConfigValues values, String key, long minimum, String expected,
                                         Problems problems) {
        Optional<String> raw = values.value(key);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            long parsed = Long.parseLong(raw.get().trim());
            if (parsed >= minimum) {
                return Optional.of(parsed);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(ConfigMessages.badConfigValue(key, raw.get(), expected));
        return Optional.empty();
    }

    /** The unit a key names, {@link ChronoUnit#MILLIS} when it is not set; {@code null} when it is not valid. */
    private static ChronoUnit unit(ConfigValues values, String key, Problems problems) {
        Optional<String> raw = values.value(key);
        if (raw.isEmpty()) {
            return ChronoUnit.MILLIS;
        }
        try {
            ChronoUnit unit = ChronoUnit.valueOf(raw.get().trim().toUpperCase(Locale.ROOT));
            if (unit.compareTo(ChronoUnit.DAYS) <= 0) {
                return unit;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        problems.add(ConfigMessages.badConfigValue(key, raw.get(), UNIT));
        return null;
    }
}
