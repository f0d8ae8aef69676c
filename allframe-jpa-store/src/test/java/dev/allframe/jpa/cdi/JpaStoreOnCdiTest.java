package dev.allframe.jpa.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.EventEnvelope;
import dev.allframe.cdi.AllFrameExtension;
import dev.allframe.command.CommandBus;
import dev.allframe.command.CommandRejectedException;
import dev.allframe.command.CommandResult;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.jpa.JpaEventStore;
import dev.allframe.jpa.TestDatabase;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.hibernate.Session;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code allframe.event-store=jpa} in a CDI container, on the application's entity manager factory. */
class JpaStoreOnCdiTest {

    private static final Map<String, String> JPA = Map.of("allframe.event-store", "jpa", "allframe.snapshot.every", "4");

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.H2.freshStore();
        TestDatabase.H2.execute("DROP TABLE IF EXISTS wallet_history",
                "CREATE TABLE wallet_history (event_id VARCHAR(36) PRIMARY KEY, wallet VARCHAR(20), cents BIGINT)");
    }

    @Test
    void aProjectionInTheDatabaseContinuesInANewContainerWithoutApplyingAnythingTwice() throws Exception {
        Map<String, String> config = Map.of("allframe.event-store", "jpa", "allframe.projection.poll-interval", "50ms");
        inContainer(config, bus -> {
            for (int i = 0; i < 5; i++) {
                bus.dispatch(new Deposit("w", 10));
            }
            return awaitHistory(5);
        });
        TestDatabase.H2.freshStoreKeepingData(EventTypeRegistry.of(List.of(Deposited.class)))
                .append("w", dev.allframe.spi.event.AppendCondition.any(), List.of(new dev.allframe.spi.event.NewEvent(
                        dev.allframe.core.EventIds.next(), "Deposited", 1, new Deposited("w", 7), null, null, null)));

        long rows = inContainer(config, bus -> {
            bus.dispatch(new Spend("w", 20));
            return awaitHistory(7);
        });

        assertThat(rows).isEqualTo(7);
        long totalAfterRestart = inContainer(config, bus -> {
            dev.allframe.projection.ProjectionRegistry projections = jakarta.enterprise.inject.spi.CDI.current()
                    .select(dev.allframe.projection.ProjectionRegistry.class).get();
            assertThat(projections.awaitPosition("wallet-totals", 7, java.time.Duration.ofSeconds(10))).isTrue();
            return jakarta.enterprise.inject.spi.CDI.current().select(WalletTotals.class).get().cents();
        });
        assertThat(totalAfterRestart).as("an in-memory projection replays everything").isEqualTo(5 * 10 + 7 - 20);
        assertThat(TestDatabase.H2.freshStoreKeepingData(EventTypeRegistry.of(List.of())).checkpoint("wallet-history"))
                .isEqualTo(7);
        assertThat(sumOfHistory()).isEqualTo(5 * 10 + 7 - 20);
    }

    private static long awaitHistory(long rows) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (historyRows() < rows) {
            assertThat(System.nanoTime()).as("%d history rows", rows).isLessThan(deadline);
            Thread.sleep(20);
        }
        return historyRows();
    }

    private static long historyRows() {
        return TestDatabase.H2.transactions().read(em -> ((Number) em.unwrap(Session.class)
                .createNativeQuery("SELECT COUNT(*) FROM wallet_history", Long.class).getSingleResult()).longValue());
    }

    private static long sumOfHistory() {
        return TestDatabase.H2.transactions().read(em -> ((Number) em.unwrap(Session.class)
                .createNativeQuery("SELECT SUM(cents) FROM wallet_history", Long.class).getSingleResult()).longValue());
    }

    @Test
    void commandsAreStoredInTheDatabaseAndSnapshotted() throws Exception {
        CommandResult last = inContainer(JPA, bus -> {
            CommandResult result = null;
            for (int i = 1; i <= 5; i++) {
                result = bus.dispatch(new Deposit("w", 100));
            }
            return result;
        });

        assertThat(last.streamVersion()).isEqualTo(5);
        JpaEventStore reader = TestDatabase.H2.freshStoreKeepingData(EventTypeRegistry.of(List.of(Deposited.class, Spent.class)));
        assertThat(reader.readStream("w", 1, 10)).extracting(EventEnvelope::event)
                .containsOnly(new Deposited("w", 100)).hasSize(5);
        assertThat(snapshotVersion("w")).isEqualTo(4);
    }

    @Test
    void aNewContainerOnTheSameDatabaseContinuesTheStreams() throws Exception {
        inContainer(JPA, bus -> {
            for (int i = 0; i < 6; i++) {
                bus.dispatch(new Deposit("w", 10));
            }
            return null;
        });

        CommandResult spent = inContainer(JPA, bus -> bus.dispatch(new Spend("w", 60)));

        assertThat(spent.streamVersion()).isEqualTo(7);
        assertThat(spent.events()).extracting(EventEnvelope::globalPosition).containsExactly(7L);
        assertThatThrownBy(() -> inContainer(JPA, bus -> bus.dispatch(new Spend("w", 1))))
                .isInstanceOf(CommandRejectedException.class)
                .hasMessage("AF1109: Command rejected: only 0 cents left after 7 events");
    }

    private static long snapshotVersion(String streamId) {
        return TestDatabase.H2.transactions().read(em -> ((Number) em.unwrap(Session.class)
                .createNativeQuery("SELECT stream_version FROM allframe_snapshots WHERE stream_id = '" + streamId + "'",
                        Long.class).getSingleResult()).longValue());
    }

    interface BusAction<T> {
        T apply(CommandBus bus) throws Exception;
    }

    private static <T> T inContainer(Map<String, String> config, BusAction<T> action) throws Exception {
        return withConfig(config, () -> {
            try (WeldContainer container = new Weld(UUID.randomUUID().toString()).disableDiscovery()
                    .property("org.jboss.weld.construction.relaxed", false)
                    .addExtension(new AllFrameExtension())
                    .addBeanClasses(WalletHandlers.class, SharedFactoryProducer.class, WalletHistory.class,
                            WalletTotals.class)
                    .initialize()) {
                return action.apply(container.select(CommandBus.class).get());
            }
        });
    }

    private static <T> T withConfig(Map<String, String> properties, Callable<T> action) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[0], previous)) {
            SmallRyeConfig config = new SmallRyeConfigBuilder().forClassLoader(loader)
                    .withSources(new PropertiesConfigSource(properties, "test", 500)).build();
            ConfigProviderResolver.instance().registerConfig(config, loader);
            thread.setContextClassLoader(loader);
            try {
                return action.call();
            } finally {
                thread.setContextClassLoader(previous);
                ConfigProviderResolver.instance().releaseConfig(config);
            }
        }
    }
}
