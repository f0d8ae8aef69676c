package dev.allframe.cdi;

import static org.assertj.core.api.Assertions.fail;

import dev.allframe.AllFrameDeploymentException;
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

    /** Deploys {@code beanClasses}, expecting AllFrame to fail the deployment, and returns its exception. */
    public static AllFrameDeploymentException failure(Class<?>... beanClasses) {
        try (WeldContainer container = weld(beanClasses).initialize()) {
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
