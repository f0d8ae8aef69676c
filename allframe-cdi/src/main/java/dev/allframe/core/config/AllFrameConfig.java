package dev.allframe.core.config;

import dev.allframe.core.AllFrameMessages;
import dev.allframe.core.Problems;
import java.util.Collection;
import java.util.Optional;

/**
 * AllFrame's core configuration, parsed and checked at deployment.
 *
 * @param eventStore        which event store to use ({@code allframe.event-store})
 * @param commandMaxRetries how often a stateful handler is retried on a concurrency conflict
 * @param snapshotEvery     a snapshot every this many events of a stream; 0 for none
 */
public record AllFrameConfig(String eventStore, int commandMaxRetries, int snapshotEvery) {

    /** The store every deployment has. */
    public static final String MEMORY_STORE = "memory";

    private static final String PREFIX = "allframe.";

    public static AllFrameConfig defaults() {
        return new AllFrameConfig(ConfigKey.EVENT_STORE.defaultValue(),
                Integer.parseInt(ConfigKey.COMMAND_MAX_RETRIES.defaultValue()),
                Integer.parseInt(ConfigKey.SNAPSHOT_EVERY.defaultValue()));
    }

    /**
     * Reads and checks every key; each bad value or unknown key is added to {@code problems}.
     *
     * @param eventStores the names {@code allframe.event-store} accepts
     */
    public static AllFrameConfig read(ConfigValues values, Collection<String> eventStores, Problems problems) {
        for (String key : values.keys()) {
            if (key.startsWith(PREFIX) && !ConfigKey.names().contains(key)) {
                problems.add(AllFrameMessages.unknownConfigKey(key, ConfigKey.names()));
            }
        }
        String eventStore = text(values, ConfigKey.EVENT_STORE);
        if (!eventStores.contains(eventStore)) {
            problems.add(AllFrameMessages.unknownEventStore(ConfigKey.EVENT_STORE.key(), eventStore, eventStores));
        }
        return new AllFrameConfig(eventStore, wholeNumber(values, ConfigKey.COMMAND_MAX_RETRIES, problems),
                wholeNumber(values, ConfigKey.SNAPSHOT_EVERY, problems));
    }

    /** The value of {@code key}, trimmed, or its default. */
    public static String text(ConfigValues values, ConfigKey key) {
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
