package dev.allframe.cdi;

import static org.assertj.core.api.Assertions.fail;

import dev.allframe.AllFrameDeploymentException;
import io.smallrye.config.inject.ConfigExtension;
import io.smallrye.faulttolerance.FaultToleranceExtension;
import io.smallrye.faulttolerance.metrics.MetricsIntegration;
import java.util.UUID;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/** Weld SE containers with AllFrame's extension, as strict as Liberty's Weld. */
public final class Deployments {

    private Deployments() {
    }

    public static Weld weld(Class<?>... beanClasses) {
        return new Weld(UUID.randomUUID().toString())
                .disableDiscovery()
                .property("org.jboss.weld.construction.relaxed", false)
                .addExtension(new AllFrameExtension())
                .addBeanClasses(beanClasses);
    }

    /**
     * A container with SmallRye Fault Tolerance as well, as a MicroProfile server has it: its extension
     * (without metrics: the MicroProfile Metrics API is on the class path, a registry is not) and SmallRye
     * Config's, for the {@code @ConfigProperty} injections of Fault Tolerance's own beans.
     */
    public static Weld weldWithFaultTolerance(Class<?>... beanClasses) {
        return weld(beanClasses).addExtension(new FaultToleranceExtension(MetricsIntegration.NOOP))
                .addExtension(new ConfigExtension());
    }

    /** Deploys {@code beanClasses}, expecting AllFrame to fail the deployment, and returns its exception. */
    public static AllFrameDeploymentException failure(Class<?>... beanClasses) {
        return failure(weld(beanClasses));
    }

    /** Deploys {@code weld}, expecting AllFrame to fail the deployment, and returns its exception. */
    public static AllFrameDeploymentException failure(Weld weld) {
        try (WeldContainer container = weld.initialize()) {
            return fail("The deployment succeeded, but AllFrame should have failed it");
        } catch (RuntimeException e) {
            AllFrameDeploymentException found = find(e);
            if (found == null) {
                throw new AssertionError("The deployment failed without AllFrame's exception", e);
            }
            return found;
        }
    }

    /** Weld reports definition errors as suppressed exceptions of its own. */
    private static AllFrameDeploymentException find(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof AllFrameDeploymentException found) {
                return found;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                AllFrameDeploymentException found = find(suppressed);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
