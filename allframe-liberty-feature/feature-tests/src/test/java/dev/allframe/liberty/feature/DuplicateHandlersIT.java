package dev.allframe.liberty.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.allframe.liberty.feature.duplicates.FirstHandlers;
import dev.allframe.liberty.feature.duplicates.SecondHandlers;
import dev.allframe.liberty.feature.duplicates.Transfer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private static final Path SERVER_LOG = Path.of(System.getProperty("arquillian.wlpHome", "target/liberty/wlp"),
            "usr", "servers", System.getProperty("arquillian.serverName", "allframeFeatureServer"), "logs",
            "messages.log");

    @Deployment(name = DEPLOYMENT, managed = false)
    static WebArchive application() {
        return ShrinkWrap.create(WebArchive.class, DEPLOYMENT + ".war")
                .addClasses(Transfer.class, FirstHandlers.class, SecondHandlers.class);
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    void twoHandlersForOneCommandFailTheDeployment() throws IOException {
        long earlierLines = Files.exists(SERVER_LOG) ? Files.readAllLines(SERVER_LOG).size() : 0;
        DeploymentException thrown = assertThrows(DeploymentException.class, () -> deployer.deploy(DEPLOYMENT));
        undeployQuietly();

        Throwable problem = causeOfType(thrown, jakarta.enterprise.inject.spi.DeploymentException.class);
        assertEquals("AF1000: AllFrame found 1 deployment problem:", problem.getMessage().lines().findFirst()
                .orElseThrow(), "problems of every phase are reported once validation is over, as one exception");
        String af1001 = "  AF1001: Command type dev.allframe.liberty.feature.duplicates.Transfer has 2 handlers, it"
                + " needs exactly one: dev.allframe.liberty.feature.duplicates.FirstHandlers#transfer(Transfer),"
                + " dev.allframe.liberty.feature.duplicates.SecondHandlers#moveMoney(Transfer)";
        assertTrue(Files.readAllLines(SERVER_LOG).stream().skip(earlierLines).anyMatch(line -> line.equals(af1001)
                || line.startsWith(af1001 + " ")),
                "the server's log names each problem in full (FFDC lines add where they were raised), at "
                        + SERVER_LOG);
    }

    /**
     * The first cause of {@code type} in the chain. The server's exceptions reach the test through its log, a line
     * each: a message's first line only.
     */
    private static Throwable causeOfType(Throwable thrown, Class<?> type) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return cause;
            }
        }
        throw new AssertionError("no " + type.getName() + " in the causes of " + thrown, thrown);
    }

    private void undeployQuietly() {
        try {
            deployer.undeploy(DEPLOYMENT);
        } catch (RuntimeException e) {
            // the application never started: nothing to remove
        }
    }
}
