package dev.allframe.liberty.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.allframe.EventEnvelope;
import dev.allframe.command.CommandBus;
import dev.allframe.command.CommandResult;
import dev.allframe.liberty.feature.app.Echo;
import dev.allframe.liberty.feature.app.EchoHandlers;
import dev.allframe.liberty.feature.app.Echoed;
import dev.allframe.liberty.feature.app.Ping;
import dev.allframe.liberty.feature.app.PingCount;
import dev.allframe.liberty.feature.app.PingHandlers;
import dev.allframe.liberty.feature.app.Pinged;
import dev.allframe.spi.event.EventStore;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An application without AllFrame inside, on a server with {@code usr:allframe-1.0}: the feature does the work. */
@ExtendWith(ArquillianExtension.class)
class FeatureDispatchIT {

    @Deployment
    static WebArchive application() {
        return ShrinkWrap.create(WebArchive.class, "feature-dispatch.war")
                .addClasses(Ping.class, Pinged.class, PingCount.class, PingHandlers.class,
                        Echo.class, Echoed.class, EchoHandlers.class);
    }

    @Inject
    CommandBus commandBus;

    @Inject
    EventStore eventStore;

    @Test
    void dispatchesToAHandlersBeanAndStoresItsEvents() {
        CommandResult first = commandBus.dispatch(new Ping("liberty"));
        CommandResult second = commandBus.dispatch(new Ping("liberty"));

        assertEquals("liberty", second.streamId());
        assertEquals(2, second.streamVersion());
        assertEquals(List.of(new Pinged("liberty", 1), new Pinged("liberty", 2)),
                eventStore.readStream("liberty", 1, 10).stream().map(EventEnvelope::event).toList());
        assertEquals(List.of(first.events().get(0).eventId(), second.events().get(0).eventId()),
                eventStore.readStream("liberty", 1, 10).stream().map(EventEnvelope::eventId).toList());
    }

    @Test
    void dispatchesToAnApplicationScopedBean() {
        commandBus.dispatch(new Echo("echo-channel", "hello"));

        assertEquals(List.of(new Echoed("echo-channel", "hello")),
                eventStore.readStream("echo-channel", 1, 10).stream().map(EventEnvelope::event).toList());
    }

    @Test
    void theApiComesFromTheFeature() {
        assertNotSame(getClass().getClassLoader(), CommandBus.class.getClassLoader());
    }

    @Test
    void theInternalsStayHidden() {
        ClassNotFoundException thrown = assertThrows(ClassNotFoundException.class,
                () -> Class.forName("dev.allframe.core.dispatch.CommandDispatcher", false, getClass().getClassLoader()));
        assertEquals("dev.allframe.core.dispatch.CommandDispatcher", thrown.getMessage());
    }
}
