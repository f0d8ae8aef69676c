package dev.allframe.jpa.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.cdi.AllFrameExtension;
import dev.allframe.command.CommandBus;
import dev.allframe.jpa.TestDatabase;
import dev.allframe.jpa.saga.SagaContainers;
import dev.allframe.projection.ProjectionRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Projections that keep their read models in memory, declared as plainly as the README's, are complete after the
 * application restarts on the JPA store, async and inline alike: by default they are rebuilt from the log at start.
 */
class InMemoryReadModelsTest {

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.H2.freshStore();
    }

    @Test
    void readModelsInMemoryAreCompleteAfterARestart() throws Exception {
        List<Long> before = inContainer(container -> {
            CommandBus bus = container.select(CommandBus.class).get();
            bus.dispatch(new Deposit("w", 10));
            bus.dispatch(new Deposit("w", 20));
            bus.dispatch(new Spend("w", 5));
            return counts(container, 3);
        });
        assertThat(before).containsExactly(3L, 25L, 3L, 25L);

        List<Long> after = inContainer(container -> {
            container.select(CommandBus.class).get().dispatch(new Deposit("w", 100));
            return counts(container, 4);
        });

        assertThat(after).as("events and cents of the async, then the inline projection, after a restart")
                .containsExactly(4L, 125L, 4L, 125L);
    }

    private static List<Long> counts(WeldContainer container, long position) throws InterruptedException {
        ProjectionRegistry projections = container.select(ProjectionRegistry.class).get();
        assertThat(projections.awaitPosition("wallet-count", position, Duration.ofSeconds(20))).isTrue();
        assertThat(projections.awaitPosition("wallet-count-inline", position, Duration.ofSeconds(20))).isTrue();
        WalletCount async = container.select(WalletCount.class).get();
        WalletCountInline inline = container.select(WalletCountInline.class).get();
        return List.of(async.events(), async.cents(), inline.events(), inline.cents());
    }

    interface ContainerAction<T> {
        T apply(WeldContainer container) throws Exception;
    }

    private static <T> T inContainer(ContainerAction<T> action) throws Exception {
        return SagaContainers.withConfig(Map.of("allframe.event-store", "jpa",
                "allframe.projection.poll-interval", "50ms"), () -> {
            try (WeldContainer container = new Weld(UUID.randomUUID().toString()).disableDiscovery()
                    .property("org.jboss.weld.construction.relaxed", false)
                    .addExtension(new AllFrameExtension())
                    .addBeanClasses(WalletHandlers.class, SharedFactoryProducer.class, WalletCount.class,
                            WalletCountInline.class)
                    .initialize()) {
                return action.apply(container);
            }
        });
    }
}
