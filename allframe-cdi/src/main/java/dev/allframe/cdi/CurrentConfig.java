package dev.allframe.cdi;

import dev.allframe.core.config.ConfigValues;
import java.util.Optional;

/**
 * The configuration AllFrame reads: MicroProfile Config when its API is present, else system
 * properties.
 */
final class CurrentConfig {

    private CurrentConfig() {
    }

    static ConfigValues values() {
        try {
            Class.forName("org.eclipse.microprofile.config.ConfigProvider", false, CurrentConfig.class.getClassLoader());
            return MicroProfileConfigValues.current();
        } catch (ClassNotFoundException | LinkageError e) {
            return new SystemProperties();
        }
    }

    private static final class SystemProperties implements ConfigValues {

        @Override
        public Optional<String> value(String key) {
            return Optional.ofNullable(System.getProperty(key));
        }

        @Override
        public Iterable<String> keys() {
            return System.getProperties().stringPropertyNames();
        }
    }
}
