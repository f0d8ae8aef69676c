package dev.allframe.core.config;

import dev.allframe.core.AllFrameMessages;
import dev.allframe.core.Problems;
import java.util.List;
import java.util.Optional;

/**
 * AllFrame's configuration, parsed and checked at deployment.
 *
 * @param eventStore        which event store to use ({@code allframe.event-store})
 * @param commandMaxRetries how often a stateful handler is retried on a concurrency conflict
 */
public record AllFrameConfig(String eventStore, int commandMaxRetries) {

    /** The names {@code allframe.event-store} accepts. */
    public static final List<String> EVENT_STORES = List.of("memory");

    private static final String PREFIX = "allframe.";

    public static AllFrameConfig defaults() {
        return new AllFrameConfig(ConfigKey.EVENT_STORE.defaultValue(),
                Integer.parseInt(ConfigKey.COMMAND_MAX_RETRIES.defaultValue()));
    }

    /** Reads and checks every key; each bad value or unknown key is added to {@code problems}. */
    public static AllFrameConfig read(ConfigValues values, Problems problems) {
        for (String key : values.keys()) {
            if (key.startsWith(PREFIX) && !ConfigKey.names().contains(key)) {
                problems.add(AllFrameMessages.unknownConfigKey(key, ConfigKey.names()));
            }
        }
        String eventStore = text(values, ConfigKey.EVENT_STORE);
        if (!EVENT_STORES.contains(eventStore)) {
            problems.add(AllFrameMessages.unknownEventStore(ConfigKey.EVENT_STORE.key(), eventStore, EVENT_STORES));
        }
        int maxRetries = wholeNumber(values, ConfigKey.COMMAND_MAX_RETRIES, problems);
        return new AllFrameConfig(eventStore, maxRetries);
    }

    private static String text(ConfigValues values, ConfigKey key) {
        return values.value(key.key()).map(String::trim).orElse(key.defaultValue());
    }

    private static int wholeNumber(ConfigValues values, ConfigKey key, Problems problems) {
        Optional<String> raw = values.value(key.key());
        if (raw.isEmpty()) {
            return Integer.parseInt(key.defaultValue());
        }
        try {
            int value = Integer.parseInt(raw.get().trim());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the other invalid values
        }
        problems.add(AllFrameMessages.badConfigValue(key.key(), raw.get(), "a whole number, 0 or more"));
        return Integer.parseInt(key.defaultValue());
    }
}
