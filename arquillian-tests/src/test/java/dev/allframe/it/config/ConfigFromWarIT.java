package dev.allframe.it.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.allframe.command.CommandBus;
import dev.allframe.command.ConcurrencyConflictException;
import dev.allframe.it.Deployments;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code allframe.command.max-retries=1} in the WAR's {@code microprofile-config.properties} replaces
 * the default of 3: a handler that always conflicts is called twice, not four times.
 */
@ExtendWith(ArquillianExtension.class)
class ConfigFromWarIT {

    @Deployment
    static WebArchive deployment() {
        WebArchive war = Deployments.application("config").addClasses(Increment.class, IncrementElsewhere.class,
                Incremented.class, Count.class, ContestedCounter.class);
        return Deployments.withConfig(war, "allframe.command.max-retries=1\n");
    }

    @Inject
    CommandBus commands;

    @Inject
    ContestedCounter counter;

    @Test
    void theRetriesConfiguredInTheWarApply() {
        ConcurrencyConflictException conflict = assertThrows(ConcurrencyConflictException.class,
                () -> commands.dispatch(new Increment("contested")));

        assertEquals(2, counter.incrementCalls());
        assertEquals("AF1104: Stream 'contested' is at version 2, but the append expected version 1",
                conflict.getMessage());
    }
}
