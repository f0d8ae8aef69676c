package dev.allframe.test;

import dev.allframe.test.internal.TestKitMessages;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;

/**
 * The MicroProfile Config of one test: the application's sources (its {@code microprofile-config.properties},
 * system properties, the environment), the kit's choice of store over them, and the test class's and then the test
 * method's {@link WithConfig} values over all. It is registered for a class loader of its own, the test thread's
 * context class loader while the test runs, so that it reaches nothing else.
 */
final class TestConfig implements AutoCloseable {

    private static final int KIT_ORDINAL = 1_000;
    private static final int CLASS_ORDINAL = 1_100;
    private static final int METHOD_ORDINAL = 1_200;

    private final ClassLoader previous;
    private final URLClassLoader loader;
    private final SmallRyeConfig config;

    private TestConfig(ClassLoader previous, URLClassLoader loader, SmallRyeConfig config) {
        this.previous = previous;
        this.loader = loader;
        this.config = config;
    }

    /** Registers the test's config and makes its loader the thread's context class loader until {@link #close}. */
    static TestConfig install(Map<String, String> kit, Class<?> testClass, Method testMethod) {
        Map<String, String> ofClass = values(testClass, testClass.getName());
        Map<String, String> ofMethod = testMethod == null ? Map.of()
                : values(testMethod, testClass.getName() + "." + testMethod.getName());
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        URLClassLoader loader = new URLClassLoader(new URL[0], previous);
        SmallRyeConfig config = new SmallRyeConfigBuilder().forClassLoader(loader).addDefaultSources()
                .addDiscoveredSources().addDiscoveredConverters().addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(kit, "allframe-test store", KIT_ORDINAL))
                .withSources(new PropertiesConfigSource(ofClass, "@WithConfig of " + testClass.getName(),
                        CLASS_ORDINAL))
                .withSources(new PropertiesConfigSource(ofMethod, "@WithConfig of the test method", METHOD_ORDINAL))
                .build();
        ConfigProviderResolver.instance().registerConfig(config, loader);
        thread.setContextClassLoader(loader);
        return new TestConfig(previous, loader, config);
    }

    private static Map<String, String> values(AnnotatedElement element, String site) {
        Map<String, String> values = new LinkedHashMap<>();
        for (WithConfig config : element.getAnnotationsByType(WithConfig.class)) {
            for (String pair : config.value()) {
                int equals = pair.indexOf('=');
                if (equals < 1) {
                    throw new IllegalArgumentException(TestKitMessages.badConfigValue(pair, site).toString());
                }
                values.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
            }
        }
        return values;
    }

    @Override
    public void close() {
        Thread.currentThread().setContextClassLoader(previous);
        ConfigProviderResolver.instance().releaseConfig(config);
        try {
            loader.close();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
