package dev.allframe.it.error;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.allframe.it.Deployments;
import dev.allframe.it.ServerLog;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Applications AllFrame refuses: the server fails their deployment, and the failure carries AllFrame's
 * message, in the exception the deployer sees and in the server's log.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeploymentProblemsIT {

    @Deployment(name = "duplicate-handlers", managed = false)
    static WebArchive duplicateHandlers() {
        return Deployments.application("duplicate-handlers")
                .addClasses(Transfer.class, FirstTransfers.class, SecondTransfers.class);
    }

    @Deployment(name = "bad-config", managed = false)
    static WebArchive badConfig() {
        return Deployments.withConfig(Deployments.application("bad-config").addClasses(Transfer.class, FirstTransfers.class),
                "allframe.command.max-retries=lots\n");
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    void twoHandlersForOneCommandFailTheDeployment() throws Exception {
        assertDeploymentFails("duplicate-handlers",
                "AF1000: AllFrame found 1 deployment problem:",
                "AF1001: Command type dev.allframe.it.error.Transfer has 2 handlers, it needs exactly one: "
                        + "dev.allframe.it.error.FirstTransfers#transfer(Transfer), "
                        + "dev.allframe.it.error.SecondTransfers#transfer(Transfer)");
    }

    @Test
    void anInvalidConfigurationValueFailsTheDeployment() throws Exception {
        assertDeploymentFails("bad-config",
                "AF1000: AllFrame found 1 deployment problem:",
                "AF1010: Configuration value 'lots' of allframe.command.max-retries is invalid: "
                        + "expected a whole number from 0 to 100");
    }

    private void assertDeploymentFails(String deployment, String... expectedLines) throws Exception {
        ServerLog log = ServerLog.mark();
        Exception thrown = assertThrows(Exception.class, () -> deployer.deploy(deployment));
        try {
            assertInstanceOf(DeploymentException.class, thrown);
            List<String> reported = linesOf(thrown);
            List<String> logged = log.newText().lines().map(String::trim).toList();
            for (String line : expectedLines) {
                assertTrue(has(reported, line), () -> "Not in the deployment exception: " + line + "\n" + reported);
                assertTrue(has(logged, line), () -> "Not in the server's log: " + line);
            }
        } finally {
            deployer.undeploy(deployment);
        }
    }

    /**
     * Whether one of {@code lines} is {@code line}, or ends with it after the name of the exception carrying it: the
     * problems of every phase are reported once validation is over, in the exception type the container gives them.
     */
    private static boolean has(List<String> lines, String line) {
        return lines.stream().anyMatch(each -> each.equals(line) || each.endsWith("Exception: " + line));
    }

    /** Every line of every message in the exception's cause chain, trimmed. */
    private static List<String> linesOf(Throwable thrown) {
        List<String> lines = new ArrayList<>();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                t.getMessage().lines().map(String::trim).forEach(lines::add);
            }
        }
        return lines;
    }
}
