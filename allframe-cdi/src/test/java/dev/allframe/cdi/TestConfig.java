package dev.allframe.cdi;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;

/**
 * Runs code with a MicroProfile Config of given properties: the config is registered for a fresh
 * context class loader, so it does not leak into other tests.
 */
public final class TestConfig {

    private TestConfig() {
    }

    public static <T> T with(Map<String, String> properties, Callable<T> action) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[0], previous)) {
            SmallRyeConfig config = new SmallRyeConfigBuilder()
                    .forClassLoader(loader)
                    .withSources(new PropertiesConfigSource(properties, "test", 500))
                    .build();
            ConfigProviderResolver resolver = ConfigProviderResolver.instance();
            resolver.registerConfig(config, loader);
            thread.setContextClassLoader(loader);
            try {
                return action.call();
            } finally {
                thread.setContextClassLoader(previous);
                resolver.releaseConfig(config);
            }
        }
    }
}
