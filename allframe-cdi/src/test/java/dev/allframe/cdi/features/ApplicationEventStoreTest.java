package dev.allframe.cdi.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.cdi.Deployments;
import dev.allframe.cdi.TestConfig;
import dev.allframe.command.CommandBus;
import dev.allframe.command.ConcurrencyConflictException;
import dev.allframe.spi.event.EventStore;
import jakarta.enterprise.context.control.RequestContextController;
import java.util.Map;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

class ApplicationEventStoreTest {

    @Test
    void anApplicationEventStoreBeanReplacesTheBuiltInOne() {
        try (WeldContainer container = Deployments.weld(DependentHandlers.class, InterferingStoreBean.class)
                .initialize()) {
            InterferingStoreBean store = container.select(InterferingStoreBean.class).get();

            container.select(CommandBus.class).get().dispatch(new Ping("p"));

            assertThat(store.appendAttempts()).isEqualTo(1);
            assertThat(container.select(EventStore.class).get().streamVersion("p")).isEqualTo(1);
        }
    }

    @Test
    void theConfiguredRetryCountIsUsed() throws Exception {
        int attempts = TestConfig.with(Map.of("allframe.command.max-retries", "1"), () -> {
            try (WeldContainer container = Deployments.weld(DependentHandlers.class, RequestScopedHandlers.class,
                    InterferingStoreBean.class).initialize()) {
                RequestContextController requestContext = container.select(RequestContextController.class).get();
                requestContext.activate();
                try {
                    InterferingStoreBean store = container.select(InterferingStoreBean.class).get();
                    CommandBus bus = container.select(CommandBus.class).get();
                    bus.dispatch(new Ping("p"));
                    store.interfere(5);

                    assertThatThrownBy(() -> bus.dispatch(new CountPings("p")))
                            .isInstanceOf(ConcurrencyConflictException.class);
                    return store.appendAttempts();
                } finally {
                    requestContext.deactivate();
                }
            }
        });

        assertThat(attempts).isEqualTo(1 + 2);
    }
}
