package dev.allframe.cdi;

import dev.allframe.core.config.ConfigValues;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

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

    @Override
    public Iterable<String> keys() {
        return config.getPropertyNames();
    }
}
