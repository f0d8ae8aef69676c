package dev.allframe.core.config;

import dev.allframe.core.Problems;
import dev.allframe.core.message.ConfigMessages;
import dev.allframe.core.projection.ProjectionSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * AllFrame's core configuration, parsed and checked at deployment.
 *
 * @param eventStore        which event store to use ({@code allframe.event-store})
 * @param commandMaxRetries how often a stateful handler is retried on a concurrency conflict
 * @param snapshotEvery     a snapshot every this many events of a stream; 0 for none
 * @param projections       how tracking projections run
 * @param stateCacheStreams how many streams' folded states are kept between commands; 0 for none
 * @param streamTurnWait    how long a stateful command waits for its stream's turn in this server; zero for no turns
 */
public record AllFrameConfig(String eventStore, int commandMaxRetries, int snapshotEvery,
                             ProjectionSettings projections, int stateCacheStreams, Duration streamTurnWait) {

    /** The configuration with the default wait for a stream's turn. */
    public AllFrameConfig(String eventStore, int commandMaxRetries, int snapshotEvery, ProjectionSettings projections,
                          int stateCacheStreams) {
        this(eventStore, commandMaxRetries, snapshotEvery, projections, stateCacheStreams,
                DurationValue.parse(ConfigKey.COMMAND_TURN_WAIT.defaultValue()));
    }

    /** The configuration with the default state cache. */
    public AllFrameConfig(String eventStore, int commandMaxRetries, int snapshotEvery, ProjectionSettings projections) {
        this(eventStore, commandMaxRetries, snapshotEvery, projections,
                Integer.parseInt(ConfigKey.STATE_CACHE_STREAMS.defaultValue()));
    }

    /** The configuration without projection settings of its own: the defaults. */
    public AllFrameConfig(String eventStore, int commandMaxRetries, int snapshotEvery) {
        this(eventStore, commandMaxRetries, snapshotEvery, defaults().projections());
    }

    /** The store every deployment has. */
    public static final String MEMORY_STORE = "memory";

    private static final String PREFIX = "allframe.";

    public static AllFrameConfig defaults() {
        return read(new ConfigValues() {
            @Override
            public Optional<String> value(String key) {
                return Optional.empty();
            }

            @Override
            public Iterable<String> keys() {
                return List.of();
            }
        }, List.of(MEMORY_STORE), List.of(), new Problems());
    }

    /**
     * Reads and checks every key; each bad value or unknown key is added to {@code problems}.
     *
     * @param eventStores the names {@code allframe.event-store} accepts
     * @param storeKeys   the keys the stores on the class path read
     */
    /** How long a node's name may be: as long as the tables keep. */
    private static final int MAX_NODE_NAME = 200;

    public static AllFrameConfig read(ConfigValues values, Collection<String> eventStores,
                                      Collection<String> storeKeys, Problems problems) {
        List<String> known = new ArrayList<>(ConfigKey.names());
        known.addAll(storeKeys);
        for (String key : values.keys()) {
            if (key.startsWith(PREFIX) && !known.contains(key)) {
                problems.add(ConfigMessages.unknownConfigKey(key, known));
            }
        }
        String eventStore = text(values, ConfigKey.EVENT_STORE);
        if (!eventStores.contains(eventStore)) {
            problems.add(ConfigMessages.unknownEventStore(ConfigKey.EVENT_STORE.key(), eventStore, eventStores));
        }
        ProjectionSettings projections = new ProjectionSettings(
                wholeNumber(values, ConfigKey.PROJECTION_BATCH_SIZE, problems),
                DurationValue.read(values, ConfigKey.PROJECTION_POLL_INTERVAL, problems),
                wholeNumber(values, ConfigKey.PROJECTION_MAX_RETRIES, problems),
                DurationValue.read(values, ConfigKey.PROJECTION_RETRY_BACKOFF, problems),
                DurationValue.read(values, ConfigKey.PROJECTION_LEASE, problems), nodeName(values, problems));
        return new AllFrameConfig(eventStore, wholeNumber(values, ConfigKey.COMMAND_MAX_RETRIES, problems),
                wholeNumber(values, ConfigKey.SNAPSHOT_EVERY, problems), projections,
                wholeNumber(values, ConfigKey.STATE_CACHE_STREAMS, problems),
                DurationValue.read(values, ConfigKey.COMMAND_TURN_WAIT, problems));
    }

    /** Whether AllFrame traces its work where OpenTelemetry is there: {@code true} unless configured {@code false}. */
    public static boolean telemetryEnabled(ConfigValues values, Problems problems) {
        String value = text(values, ConfigKey.TELEMETRY_ENABLED).toLowerCase(java.util.Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            problems.add(ConfigMessages.badConfigValue(ConfigKey.TELEMETRY_ENABLED.key(), value, "true or false"));
            return true;
        }
        return value.equals("true");
    }

    /**
     * How old the oldest event an async projection has not applied may be before readiness is DOWN; zero for no
     * bound.
     */
    public static Duration healthMaxLag(ConfigValues values, Problems problems) {
        return DurationValue.read(values, ConfigKey.HEALTH_MAX_LAG, problems);
    }

    /** The configured name of this node, or one made up when none is. */
    private static String nodeName(ConfigValues values, Problems problems) {
        String name = text(values, ConfigKey.NODE_NAME);
        if (name.isEmpty()) {
            return ProjectionSettings.nodeName();
        }
        if (name.length() > MAX_NODE_NAME) {
            problems.add(ConfigMessages.badConfigValue(ConfigKey.NODE_NAME.key(), name,
                    "a name of at most " + MAX_NODE_NAME + " characters, or none to make one up"));
            return ProjectionSettings.nodeName();
        }
        return name;
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
            if (value >= Integer.parseInt(key.least()) && value <= Integer.parseInt(key.most())) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the other invalid values
        }
        problems.add(ConfigMessages.badConfigValue(key.key(), raw.get(),
                "a whole number from " + key.least() + " to " + key.most()));
        return Integer.parseInt(key.defaultValue());
    }
}
