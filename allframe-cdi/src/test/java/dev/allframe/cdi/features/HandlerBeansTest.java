package dev.allframe.cdi.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.EventEnvelope;
import dev.allframe.cdi.Deployments;
import dev.allframe.command.CommandBus;
import dev.allframe.command.CommandResult;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

@EnableWeld
class HandlerBeansTest {

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(Deployments.weld(DependentHandlers.class, RequestScopedHandlers.class))
            .activate(RequestScoped.class).build();

    @Inject
    CommandBus bus;

    @Test
    void dependentAndRequestScopedBeansHandleCommandsWithAFoldedState() {
        bus.dispatch(new Ping("p"));
        bus.dispatch(new Ping("p"));

        CommandResult counted = bus.dispatch(new CountPings("p"));

        assertThat(counted.events()).extracting(EventEnvelope::event).containsExactly(new Pinged("p", "count 2"));
        assertThat(counted.streamVersion()).isEqualTo(3);
    }

    @Test
    void dispatchAsyncRunsOffTheCallersThread() throws Exception {
        CommandResult result = bus.dispatchAsync(new Ping("q")).toCompletableFuture().get(10, TimeUnit.SECONDS);

        Pinged pinged = result.events().get(0).event(Pinged.class);
        assertThat(pinged.by()).startsWith("allframe-dispatch-");
    }
}
