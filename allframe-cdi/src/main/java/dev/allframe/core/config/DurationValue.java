package dev.allframe.core.config;

import dev.allframe.core.Problems;
import dev.allframe.core.message.ConfigMessages;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations in configuration: {@code 250ms}, {@code 2s}, {@code 5m}, {@code 1h}, {@code 7d}, or ISO-8601
 * ({@code PT1S}, {@code P7D}).
 */
final class DurationValue {

    private static final Pattern SHORT = Pattern.compile("(\\d{1,12})\\s*(ms|s|m|h|d)");

    private DurationValue() {
    }

    /** The longest step timeout a saga step may give itself, like {@code allframe.saga.step-timeout}. */
    static final Duration LONGEST_STEP_TIMEOUT = Duration.ofHours(24);

    /** The value of {@code key}, or its default when it is not a duration within the key's bounds (reported). */
    static Duration read(ConfigValues values, ConfigKey key, Problems problems) {
        String raw = values.value(key.key()).orElse(key.defaultValue());
        Duration parsed = parse(raw.trim());
        Duration least = parse(key.least());
        Duration most = parse(key.most());
        if (parsed == null || parsed.compareTo(least) < 0 || parsed.compareTo(most) > 0) {
            problems.add(ConfigMessages.badConfigValue(key.key(), raw, expected(key)));
            return parse(key.defaultValue());
        }
        return parsed;
    }

    /** What a duration key accepts, as its invalid values are told. */
    static String expected(ConfigKey key) {
        return "a duration from " + key.least() + " to " + key.most() + ", such as 250ms, 2s, 5m or PT1S";
    }

    static Duration parse(String text) {
        Matcher matcher = SHORT.matcher(text.toLowerCase(Locale.ROOT));
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
