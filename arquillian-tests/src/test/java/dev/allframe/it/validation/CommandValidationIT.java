package dev.allframe.it.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.allframe.command.CommandBus;
import dev.allframe.command.CommandValidationException.Violation;
import dev.allframe.command.CommandValidationException;
import dev.allframe.it.Deployments;
import dev.allframe.spi.event.EventStore;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Commands are checked by Liberty's Jakarta Validation provider; the WAR brings none of its own. */
@ExtendWith(ArquillianExtension.class)
class CommandValidationIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.application("validation")
                .addClasses(Address.class, Register.class, Registered.class, Registrations.class);
    }

    @Inject
    CommandBus commands;

    @Inject
    EventStore events;

    @Test
    void everyViolationIsReportedAndNothingIsStored() {
        CommandValidationException invalid = assertThrows(CommandValidationException.class,
                () -> commands.dispatch(new Register("ada", "not an address", 17, new Address(" "))));

        assertEquals(List.of(
                new Violation("address.city", "must not be blank"),
                new Violation("age", "must be greater than or equal to 18"),
                new Violation("email", "must be a well-formed email address")), invalid.violations());
        assertEquals("AF1103: dev.allframe.it.validation.Register is invalid: address.city: must not be blank; "
                + "age: must be greater than or equal to 18; email: must be a well-formed email address",
                invalid.getMessage());
        assertEquals(0, events.streamVersion("ada"));
    }

    @Test
    void aValidCommandIsHandled() {
        commands.dispatch(new Register("grace", "grace@example.com", 36, new Address("Arlington")));

        assertEquals(1, events.streamVersion("grace"));
    }
}
