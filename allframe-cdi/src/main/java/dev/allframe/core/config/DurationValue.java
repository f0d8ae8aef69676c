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

    static Duration read(ConfigValues values, ConfigKey key, Problems problems) {
        String raw = values.value(key.key()).orElse(key.defaultValue());
        Duration parsed = parse(raw.trim());
        if (parsed == null || parsed.isNegative() || parsed.isZero()) {
            problems.add(ConfigMessages.badConfigValue(key.key(), raw,
                    "a positive duration such as 250ms, 2s, 5m or PT1S"));
            return parse(key.defaultValue());
        }
        return parsed;
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
