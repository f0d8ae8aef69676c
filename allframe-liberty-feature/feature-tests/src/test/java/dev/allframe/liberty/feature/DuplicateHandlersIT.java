package dev.allframe.liberty.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.allframe.liberty.feature.duplicates.FirstHandlers;
import dev.allframe.liberty.feature.duplicates.SecondHandlers;
import dev.allframe.liberty.feature.duplicates.Transfer;
import jakarta.enterprise.inject.spi.DefinitionException;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The feature's extension checks applications at deployment as the embedded jar does. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DuplicateHandlersIT {

    private static final String DEPLOYMENT = "duplicate-handlers";

    @Deployment(name = DEPLOYMENT, managed = false)
    static WebArchive application() {
        return ShrinkWrap.create(WebArchive.class, DEPLOYMENT + ".war")
                .addClasses(Transfer.class, FirstHandlers.class, SecondHandlers.class);
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    void twoHandlersForOneCommandFailTheDeployment() {
        DeploymentException thrown = assertThrows(DeploymentException.class, () -> deployer.deploy(DEPLOYMENT));
        undeployQuietly();

        Throwable cause = rootCause(thrown);
        assertInstanceOf(DefinitionException.class, cause);
        assertEquals("dev.allframe.AllFrameDeploymentException: AF1000: AllFrame found 1 deployment problem:\n"
                + "  AF1001: Command type dev.allframe.liberty.feature.duplicates.Transfer has 2 handlers, it needs exactly one:"
                + " dev.allframe.liberty.feature.duplicates.FirstHandlers#transfer(Transfer),"
                + " dev.allframe.liberty.feature.duplicates.SecondHandlers#moveMoney(Transfer)",
                onlyError(cause.getMessage()));
    }

    /**
     * Weld reports the definition errors as one message: a header, then each error's {@code toString()} and
     * stack trace. This returns the {@code toString()} of the only error.
     */
    private static String onlyError(String weldMessage) {
        String header = "Exception List with 1 exceptions:\nException 0 :\n";
        assertEquals(header, weldMessage.substring(0, Math.min(header.length(), weldMessage.length())), weldMessage);
        int stackTrace = weldMessage.indexOf("\n\tat ", header.length());
        return weldMessage.substring(header.length(), stackTrace < 0 ? weldMessage.length() : stackTrace);
    }

    private void undeployQuietly() {
        try {
            deployer.undeploy(DEPLOYMENT);
        } catch (RuntimeException e) {
            // the application never started: nothing to remove
        }
    }

    private static Throwable rootCause(Throwable thrown) {
        Throwable cause = thrown;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
