package dev.allframe.cdi;

import dev.allframe.core.config.ConfigValues;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;

/** Configuration values from MicroProfile Config; loaded only when its API is present. */
final class MicroProfileConfigValues implements ConfigValues {

    private final Config config;

    private MicroProfileConfigValues(Config config) {
        this.config = config;
    }

    static ConfigValues current() {
        return new MicroProfileConfigValues(ConfigProvider.getConfig());
    }

    @Override
    public Optional<String> value(String key) {
        return config.getOptionalValue(key, String.class);
    }

    /**
     * The keys of every source, except those that only mirror an environment variable: a machine's
     * environment is not the application's to spell, so only keys from properties files and system
     * properties are checked for misspellings.
     */
    @Override
    public Iterable<String> keys() {
        Set<String> environment = System.getenv().keySet();
        Set<String> keys = new TreeSet<>();
        for (ConfigSource source : config.getConfigSources()) {
            for (String key : source.getPropertyNames()) {
                if (!environment.contains(key) && !environment.contains(environmentName(key))) {
                    keys.add(key);
                }
            }
        }
        return keys;
    }

    /** The environment variable MicroProfile Config reads for {@code key}: {@code a.b-c} is {@code A_B_C}. */
    static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
