package dev.allframe.liberty.feature.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import dev.allframe.EventEnvelope;
import dev.allframe.command.CommandBus;
import dev.allframe.liberty.feature.app.Ping;
import dev.allframe.liberty.feature.app.PingCount;
import dev.allframe.liberty.feature.app.PingHandlers;
import dev.allframe.liberty.feature.app.Pinged;
import dev.allframe.spi.event.EventStore;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.io.File;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The user feature with the JPA store in the application: the WAR brings {@code allframe-jpa-store} and
 * Hibernate but no {@code allframe-cdi}; the feature finds the store in the application, which keeps the
 * events in the application's JTA persistence unit (H2 behind the server's data source).
 */
@ExtendWith(ArquillianExtension.class)
class FeatureJpaStoreIT {

    @Deployment
    static WebArchive application() {
        File[] libraries = new File(System.getProperty("allframe.jpa-store.libs", "target/it-libs/jpa-store"))
                .listFiles((dir, name) -> name.endsWith(".jar"));
        if (libraries == null || libraries.length == 0) {
            throw new IllegalStateException("The JPA store's libraries are missing: run the tests through the build"
                    + " from the project's root (mvn verify)");
        }
        return ShrinkWrap.create(WebArchive.class, "feature-jpa-store.war")
                .addClasses(Ping.class, Pinged.class, PingCount.class, PingHandlers.class, LedgerPersistence.class,
                        LedgerTables.class)
                .addAsLibraries(libraries)
                .addAsResource("dev/allframe/liberty/feature/jpa/persistence.xml", "META-INF/persistence.xml")
                .addAsResource(new StringAsset("""
                        allframe.event-store=jpa
                        allframe.jpa.create-schema=true
                        """), "META-INF/microprofile-config.properties");
    }

    @Inject
    CommandBus commandBus;

    @Inject
    EventStore eventStore;

    @Inject
    LedgerTables tables;

    @Inject
    UserTransaction transaction;

    @Test
    void theFeaturesCommandBusKeepsTheEventsInTheApplicationsPersistenceUnit() {
        commandBus.dispatch(new Ping("jpa-1"));
        commandBus.dispatch(new Ping("jpa-1"));

        assertEquals(List.of(new Pinged("jpa-1", 1), new Pinged("jpa-1", 2)),
                eventStore.readStream("jpa-1", 1, 10).stream().map(EventEnvelope::event).toList());
        assertEquals(List.of(
                List.of(1L, "Pinged", "{\"count\":1,\"target\":\"jpa-1\"}"),
                List.of(2L, "Pinged", "{\"count\":2,\"target\":\"jpa-1\"}")), tables.events("jpa-1"));
    }

    @Test
    void aRolledBackTransactionStoresNothing() throws Exception {
        transaction.begin();
        try {
            commandBus.dispatch(new Ping("jpa-rollback"));
            assertEquals(1, eventStore.streamVersion("jpa-rollback"), "the transaction sees its own event");
        } finally {
            transaction.rollback();
        }

        assertEquals(List.of(), tables.events("jpa-rollback"));
    }

    @Test
    void theStoreComesFromTheApplicationAndTheApiFromTheFeature() {
        assertNotSame(getClass().getClassLoader(), CommandBus.class.getClassLoader());
        assertEquals(getClass().getClassLoader(), classLoaderOf("dev.allframe.jpa.JpaEventStore"));
    }

    private ClassLoader classLoaderOf(String name) {
        try {
            return Class.forName(name, false, getClass().getClassLoader()).getClassLoader();
        } catch (ClassNotFoundException e) {
            throw new AssertionError(name + " is not in the application", e);
        }
    }
}
