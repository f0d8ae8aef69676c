package dev.allframe.jpa.versions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.EventEnvelope;
import dev.allframe.EventStoreException;
import dev.allframe.cdi.AllFrameExtension;
import dev.allframe.command.CommandBus;
import dev.allframe.command.CommandRejectedException;
import dev.allframe.command.CommandResult;
import dev.allframe.event.VersionRegistry.MigrationPath;
import dev.allframe.event.VersionRegistry.UpcasterInfo;
import dev.allframe.event.VersionRegistry.UpcasterKind;
import dev.allframe.event.VersionRegistry;
import dev.allframe.jpa.TestDatabase;
import dev.allframe.jpa.cdi.SharedFactoryProducer;
import dev.allframe.projection.ProjectionRegistry;
import dev.allframe.projection.ProjectionState;
import dev.allframe.spi.event.EventStore;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.hibernate.Session;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Events written by last year's code, inserted as raw JSON rows, read back by today's handlers,
 * projections and rebuilds as the newest versions, through each kind of upcaster and mixed chains.
 */
class LastYearsEventsTest {

    private static final List<AccountEvent> NEWEST = List.of(
            new AccountOpened("A", "Ada", "EUR"),
            new Deposited("A", new BigDecimal("123.45"), "EUR"),
            new Deposited("A", new BigDecimal("10.00"), "EUR"),
            new Withdrawn("A", new BigDecimal("23.45"), "legacy"),
            new Withdrawn("A", new BigDecimal("5.5"), "legacy"),
            new AccountOpened("B", "Bob", "EUR"),
            new Deposited("B", new BigDecimal("1"), "EUR"),
            new AccountClosed("B", "unknown", false));

    private WeldContainer container;
    private ClassLoader previousLoader;
    private URLClassLoader configLoader;

    @BeforeEach
    void lastYearsRowsAndTodaysApplication() throws Exception {
        TestDatabase.H2.freshStore();
        TestDatabase.H2.execute(
                row(1, "A", 1, "AccountOpened", 1, "{\"accountId\":\"A\",\"name\":\"Ada\"}"),
                row(2, "A", 2, "Deposited", 1, "{\"accountId\":\"A\",\"cents\":12345}"),
                row(3, "A", 3, "Deposited", 2, "{\"accountId\":\"A\",\"amount\":10.00}"),
                row(4, "A", 4, "Withdrawn", 1, "{\"accountId\":\"A\",\"cents\":2345}"),
                row(5, "A", 5, "Withdrawn", 2, "{\"accountId\":\"A\",\"amount\":5.5}"),
                row(6, "B", 1, "AccountOpened", 2, "{\"accountId\":\"B\",\"owner\":\"Bob\"}"),
                row(7, "B", 2, "Deposited", 3, "{\"accountId\":\"B\",\"amount\":1,\"currency\":\"EUR\"}"),
                row(8, "B", 3, "AccountClosed", 1, "{\"accountId\":\"B\"}"),
                "UPDATE allframe_head SET head_position = 8");
        previousLoader = Thread.currentThread().getContextClassLoader();
        configLoader = new URLClassLoader(new URL[0], previousLoader);
        ConfigProviderResolver.instance().registerConfig(new SmallRyeConfigBuilder().forClassLoader(configLoader)
                .withSources(new PropertiesConfigSource(Map.of("allframe.event-store", "jpa",
                        "allframe.projection.poll-interval", "50ms"), "test", 500)).build(), configLoader);
        Thread.currentThread().setContextClassLoader(configLoader);
        container = new Weld(UUID.randomUUID().toString()).disableDiscovery()
                .property("org.jboss.weld.construction.relaxed", false)
                .addExtension(new AllFrameExtension())
                .addBeanClasses(SharedFactoryProducer.class, AccountHandlers.class, AccountLog.class,
                        DepositUpcasters.class, LegacyJson.class)
                .initialize();
    }

    @AfterEach
    void stop() throws Exception {
        container.close();
        Thread.currentThread().setContextClassLoader(previousLoader);
        ConfigProviderResolver.instance().releaseConfig(ConfigProviderResolver.instance().getConfig(configLoader));
        configLoader.close();
    }

    @Test
    void aStatefulHandlerFoldsOldVersionsAsTheNewest() {
        CommandBus bus = container.select(CommandBus.class).get();

        assertThatThrownBy(() -> bus.dispatch(new Withdraw("A", new BigDecimal("200"))))
                .isInstanceOf(CommandRejectedException.class)
                .hasMessage("AF1109: Command rejected: Ada has 104.50 EUR");
        CommandResult withdrawn = bus.dispatch(new Withdraw("A", new BigDecimal("4.50")));

        assertThat(withdrawn.streamVersion()).isEqualTo(6);
        assertThat(storedPayload(1)).isEqualTo("{\"accountId\":\"A\",\"name\":\"Ada\"}");
        assertThat(storedPayload(4)).isEqualTo("{\"accountId\":\"A\",\"cents\":2345}");
    }

    @Test
    void projectionsAndRebuildsReceiveOnlyTheNewestVersions() throws Exception {
        ProjectionRegistry projections = container.select(ProjectionRegistry.class).get();
        AccountLog log = container.select(AccountLog.class).get();

        assertThat(projections.awaitPosition("account-log", 8, Duration.ofSeconds(10))).isTrue();
        assertThat(log.seen()).containsExactlyElementsOf(NEWEST);

        projections.rebuild("account-log");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (projections.status("account-log").state() != ProjectionState.RUNNING) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(10);
        }
        assertThat(log.seen()).containsExactlyElementsOf(NEWEST);
    }

    @Test
    void envelopesKeepTheStoredVersion() {
        List<EventEnvelope> stream = container.select(EventStore.class).get().readStream("A", 1, 10);

        assertThat(stream).extracting(EventEnvelope::typeName, EventEnvelope::schemaVersion)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("AccountOpened", 1),
                        org.assertj.core.groups.Tuple.tuple("Deposited", 1), org.assertj.core.groups.Tuple.tuple("Deposited", 2),
                        org.assertj.core.groups.Tuple.tuple("Withdrawn", 1), org.assertj.core.groups.Tuple.tuple("Withdrawn", 2));
        assertThat(stream).extracting(EventEnvelope::event).containsExactlyElementsOf(NEWEST.subList(0, 5));
    }

    @Test
    void theVersionRegistryShowsEveryPathAndUpcaster() {
        VersionRegistry versions = container.select(VersionRegistry.class).get();

        assertThat(versions.paths()).containsExactly(new MigrationPath("AccountClosed", List.of(1, 2, 3)),
                new MigrationPath("AccountOpened", List.of(1, 2, 3)),
                new MigrationPath("Deposited", List.of(1, 2, 3)), new MigrationPath("Withdrawn", List.of(1, 2, 3)));
        assertThat(versions.upcasters()).containsExactly(
                new UpcasterInfo("AccountClosed", 1, 2, UpcasterKind.AUTOMATIC,
                        "dev.allframe.jpa.versions.AccountClosedV2#<init>(AccountClosedV1)"),
                new UpcasterInfo("AccountClosed", 2, 3, UpcasterKind.AUTOMATIC,
                        "dev.allframe.jpa.versions.AccountClosed#from(AccountClosedV2)"),
                new UpcasterInfo("AccountOpened", 1, 2, UpcasterKind.JSON,
                        "dev.allframe.jpa.versions.LegacyJson#openedNameBecameOwner(JsonObject)"),
                new UpcasterInfo("AccountOpened", 2, 3, UpcasterKind.AUTOMATIC,
                        "dev.allframe.jpa.versions.AccountOpened#from(AccountOpenedV2)"),
                new UpcasterInfo("Deposited", 1, 2, UpcasterKind.METHOD,
                        "dev.allframe.jpa.versions.DepositUpcasters#toV2(DepositedV1)"),
                new UpcasterInfo("Deposited", 2, 3, UpcasterKind.METHOD,
                        "dev.allframe.jpa.versions.DepositUpcasters#toV3(DepositedV2)"),
                new UpcasterInfo("Withdrawn", 1, 2, UpcasterKind.JSON,
                        "dev.allframe.jpa.versions.LegacyJson#withdrawnCentsBecameAmount(JsonObject)"),
                new UpcasterInfo("Withdrawn", 2, 3, UpcasterKind.JSON,
                        "dev.allframe.jpa.versions.LegacyJson#withdrawnGotAReference(JsonObject)"));
        assertThat(versions.path("Deposited")).get().extracting(MigrationPath::newest).isEqualTo(3);
        assertThat(versions.path("Nothing")).isEmpty();
    }

    @Test
    void aVersionWithNeitherClassNorPathIsReportedAndLeftAlone() throws InterruptedException {
        TestDatabase.H2.execute(row(9, "C", 1, "AccountOpened", 9, "{\"accountId\":\"C\"}"),
                "UPDATE allframe_head SET head_position = 9");
        EventStore store = container.select(EventStore.class).get();

        assertThatThrownBy(() -> store.readStream("C", 1, 10))
                .isInstanceOf(EventStoreException.class)
                .hasMessage("AF2001: Event at position 9 (stream 'C', version 1) is stored as type 'AccountOpened'"
                        + " version 9, which neither an event class nor an upcaster path is registered for; the stored"
                        + " row is unchanged");
        assertThat(storedPayload(9)).isEqualTo("{\"accountId\":\"C\"}");
        ProjectionRegistry projections = container.select(ProjectionRegistry.class).get();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (projections.status("account-log").state() != ProjectionState.FAILED) {
            assertThat(System.nanoTime()).as("the projection stops at the unreadable event").isLessThan(deadline);
            Thread.sleep(10);
        }
        assertThat(projections.status("account-log").position()).isEqualTo(8);
        assertThat(projections.status("account-log").failure().position()).isEqualTo(9);
        assertThat(projections.status("account-log").failure().message()).startsWith("AF2001: Event at position 9");
    }

    private static String row(long position, String stream, long version, String type, int schemaVersion,
                              String payload) {
        return "INSERT INTO allframe_events (global_position, event_id, stream_id, stream_version, type_name,"
                + " schema_version, payload, recorded_at) VALUES (" + position + ", '" + UUID.randomUUID() + "', '"
                + stream + "', " + version + ", '" + type + "', " + schemaVersion + ", '" + payload
                + "', CURRENT_TIMESTAMP)";
    }

    private static String storedPayload(long position) {
        return TestDatabase.H2.transactions().read(em -> (String) em.unwrap(Session.class)
                .createNativeQuery("SELECT payload FROM allframe_events WHERE global_position = " + position, String.class)
                .getSingleResult());
    }
}
