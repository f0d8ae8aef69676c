package dev.allframe.liberty.feature;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.allframe.command.CommandBus;
import dev.allframe.command.CommandResult;
import dev.allframe.liberty.feature.app.Ping;
import dev.allframe.liberty.feature.app.PingCount;
import dev.allframe.liberty.feature.app.PingHandlers;
import dev.allframe.liberty.feature.app.Pinged;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The user feature on a server with MicroProfile Telemetry (its SDK on): the feature reaches the server's
 * OpenTelemetry, so a command's events carry its trace.
 */
@ExtendWith(ArquillianExtension.class)
class FeatureTracesIT {

    @Deployment
    static WebArchive application() {
        return ShrinkWrap.create(WebArchive.class, "feature-traces.war")
                .addClasses(Ping.class, Pinged.class, PingCount.class, PingHandlers.class);
    }

    @Inject
    CommandBus commandBus;

    @Test
    void aCommandsEventsCarryItsTrace() {
        CommandResult pinged = commandBus.dispatch(new Ping("traced"));

        String traceparent = pinged.events().get(0).metadata().get("traceparent");
        assertTrue(traceparent != null && traceparent.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[0-9a-f]"),
                "the event carries its command's trace: " + pinged.events().get(0).metadata());
    }
}
