package dev.allframe.jpa.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.cdi.AllFrameExtension;
import dev.allframe.command.CommandBus;
import dev.allframe.jpa.TestDatabase;
import dev.allframe.jpa.saga.SagaContainers;
import dev.allframe.projection.ParkedEvent;
import dev.allframe.projection.ProjectionRegistry;
import dev.allframe.projection.ProjectionState;
import dev.allframe.projection.ProjectionStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An operator skips the event a projection keeping its read model in memory stopped at. The projection replays the
 * log at every start; on the JPA store the skip is kept, so that the next start goes past the event instead of
 * stopping at it again.
 */
class SkippedAcrossRestartsTest {

    private static final String NAME = "picky-wallet-count";

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.H2.freshStore();
    }

    @Test
    void aSkippedEventStaysSkippedWhenTheProjectionReplaysAtTheNextStart() throws Exception {
        ParkedEvent skipped = inContainer(container -> {
            CommandBus bus = container.select(CommandBus.class).get();
            ProjectionRegistry projections = container.select(ProjectionRegistry.class).get();
            bus.dispatch(new Deposit("w", 10));
            bus.dispatch(new Deposit("w", 13));
            bus.dispatch(new Deposit("w", 20));
            awaitState(projections, ProjectionState.FAILED);
            assertThat(projections.status(NAME).failure().position()).isEqualTo(2);
            ParkedEvent parked = projections.skip(NAME, "ops@example.com", "a deposit the model cannot take");
            assertThat(projections.awaitPosition(NAME, 3, Duration.ofSeconds(20))).isTrue();
            assertThat(container.select(PickyWalletCount.class).get().cents()).containsExactly(10L, 20L);
            return parked;
        });

        ProjectionStatus afterRestart = inContainer(container -> {
            ProjectionRegistry projections = container.select(ProjectionRegistry.class).get();
            container.select(CommandBus.class).get().dispatch(new Deposit("w", 30));
            assertThat(projections.awaitPosition(NAME, 4, Duration.ofSeconds(20)))
                    .as("the projection replays past the skipped event: %s", projections.status(NAME)).isTrue();
            assertThat(container.select(PickyWalletCount.class).get().cents()).containsExactly(10L, 20L, 30L);
            assertThat(projections.parked(NAME)).containsExactly(skipped);
            return projections.status(NAME);
        });

        assertThat(afterRestart.state()).isEqualTo(ProjectionState.RUNNING);
        assertThat(afterRestart.parked()).isEqualTo(1);
    }

    private static void awaitState(ProjectionRegistry projections, ProjectionState state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (projections.status(NAME).state() != state) {
            assertThat(System.nanoTime()).as("%s is %s", NAME, state).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    interface ContainerAction<T> {
        T apply(WeldContainer container) throws Exception;
    }

    private static <T> T inContainer(ContainerAction<T> action) throws Exception {
        return SagaContainers.withConfig(Map.of("allframe.event-store", "jpa",
                "allframe.projection.poll-interval", "50ms", "allframe.projection.max-retries", "0"), () -> {
            try (WeldContainer container = new Weld(UUID.randomUUID().toString()).disableDiscovery()
                    .property("org.jboss.weld.construction.relaxed", false)
                    .addExtension(new AllFrameExtension())
                    .addBeanClasses(WalletHandlers.class, SharedFactoryProducer.class, PickyWalletCount.class)
                    .initialize()) {
                return action.apply(container);
            }
        });
    }
}
