package dev.allframe.test.internal;

import jakarta.enterprise.inject.spi.Extension;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;

/**
 * The portable extensions of what a MicroProfile server would also run, when the test class path has them: SmallRye
 * Fault Tolerance, so that the application's {@code @Retry}, {@code @Timeout} and the like apply as on the server
 * (without metrics, for which a test has no registry).
 */
public final class OptionalExtensions {

    private static final String FAULT_TOLERANCE = "io.smallrye.faulttolerance.FaultToleranceExtension";
    private static final String NO_METRICS = "io.smallrye.faulttolerance.metrics.MetricsIntegration";

    private OptionalExtensions() {
    }

    public static List<Extension> present(ClassLoader loader) {
        List<Extension> extensions = new ArrayList<>();
        faultTolerance(loader, extensions);
        return extensions;
    }

    private static void faultTolerance(ClassLoader loader, List<Extension> extensions) {
        Class<?> extension;
        Class<?> metrics;
        try {
            extension = Class.forName(FAULT_TOLERANCE, false, loader);
            metrics = Class.forName(NO_METRICS, false, loader);
        } catch (ClassNotFoundException | LinkageError absent) {
            return;
        }
        try {
            Object noop = metrics.getField("NOOP").get(null);
            Constructor<?> constructor = extension.getConstructor(metrics);
            extensions.add((Extension) constructor.newInstance(noop));
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException(TestKitMessages.extensionUnusable(FAULT_TOLERANCE, e.toString()).toString(),
                    e);
        }
    }
}
