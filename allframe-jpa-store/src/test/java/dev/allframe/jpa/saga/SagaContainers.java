package dev.allframe.jpa.saga;

import dev.allframe.cdi.AllFrameExtension;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.inject.ConfigExtension;
import io.smallrye.faulttolerance.FaultToleranceExtension;
import io.smallrye.faulttolerance.metrics.MetricsIntegration;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;

/** The shipment saga's application in Weld SE, with SmallRye Fault Tolerance, on {@link SagaDatabase}. */
public final class SagaContainers {

    private SagaContainers() {
    }

    static Weld shipments() {
        return new Weld(UUID.randomUUID().toString()).disableDiscovery()
                .property("org.jboss.weld.construction.relaxed", false)
                .addExtension(new AllFrameExtension())
                .addExtension(new FaultToleranceExtension(MetricsIntegration.NOOP))
                .addExtension(new ConfigExtension())
                .addBeanClasses(Accounts.class, HoldFunds.class, ShipGoods.class, ConfirmShipment.class,
                        SagaDatabase.class);
    }

    /** Runs {@code action} with a MicroProfile Config of {@code properties}, registered for a fresh class loader. */
    public static <T> T withConfig(Map<String, String> properties, Callable<T> action) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[0], previous)) {
            SmallRyeConfig config = new SmallRyeConfigBuilder().forClassLoader(loader)
                    .withSources(new PropertiesConfigSource(properties, "test", 500)).build();
            ConfigProviderResolver.instance().registerConfig(config, loader);
            thread.setContextClassLoader(loader);
            try {
                return action.call();
            } finally {
                thread.setContextClassLoader(previous);
                ConfigProviderResolver.instance().releaseConfig(config);
            }
        }
    }
}
