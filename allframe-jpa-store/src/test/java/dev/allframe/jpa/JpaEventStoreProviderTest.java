package dev.allframe.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.EventStoreException;
import dev.allframe.core.EventIds;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.spi.EventStoreContext;
import dev.allframe.spi.conformance.ConformanceEvent;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.EventDecoder;
import dev.allframe.spi.event.EventStore;
import dev.allframe.spi.event.NewEvent;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class JpaEventStoreProviderTest {

    private final JpaEventStoreProvider provider = new JpaEventStoreProvider();

    @Test
    void createSchemaMustBeTrueOrFalse() {
        assertThat(provider.check(context(Map.of("allframe.jpa.create-schema", "maybe")))).map(String::valueOf).containsExactly(
                "AF2012: Configuration value 'maybe' of allframe.jpa.create-schema is invalid: expected true or false");
        assertThat(provider.check(context(Map.of("allframe.jpa.create-schema", " TRUE ")))).isEmpty();
        assertThat(provider.check(context(Map.of()))).isEmpty();
    }

    @Test
    void withoutAFactoryBeanOrAUnitNameTheStoreExplainsWhatItNeeds() {
        assertThatThrownBy(() -> provider.create(context(Map.of())))
                .isInstanceOf(EventStoreException.class)
                .hasMessage("AF2009: The JPA event store found no EntityManagerFactory: add"
                        + " <mapping-file>META-INF/allframe-orm.xml</mapping-file> to your persistence unit and produce"
                        + " its EntityManagerFactory as a CDI bean (@Produces @PersistenceUnit), or name a"
                        + " resource-local unit with allframe.jpa.persistence-unit");
    }

    @Test
    void withoutJsonBindingTheStoreSaysWhatItNeedsBeforeItOpensTheUnit() {
        JpaEventStoreProvider withoutJsonb = new JpaEventStoreProvider(() -> {
            throw new NoClassDefFoundError("jakarta/json/bind/JsonbBuilder");
        });

        assertThatThrownBy(() -> withoutJsonb.create(context(Map.of("allframe.jpa.persistence-unit", "no-such-unit"))))
                .isInstanceOf(EventStoreException.class)
                .hasMessage("AF2023: The JPA event store keeps events as JSON through Jakarta JSON Binding and finds"
                        + " no implementation of it: java.lang.NoClassDefFoundError: jakarta/json/bind/JsonbBuilder; on"
                        + " Open Liberty enable the jsonb-3.0 feature, in Java SE add one such as Yasson");
    }

    @Test
    void aNamedResourceLocalUnitIsOpenedGivenItsTablesAndClosedWithTheStore() throws Exception {
        EventStore store = provider.create(context(Map.of("allframe.jpa.persistence-unit", "allframe-standalone",
                "allframe.jpa.create-schema", "true"))).events();
        try {
            store.append("s", AppendCondition.noStream(), List.of(new NewEvent(EventIds.next(), "ConformanceEvent", 1,
                    new ConformanceEvent("one", 1), null, null, null)));

            assertThat(store.readStream("s", 1, 10)).singleElement()
                    .satisfies(e -> assertThat(e.event()).isEqualTo(new ConformanceEvent("one", 1)));
        } finally {
            ((AutoCloseable) store).close();
        }
        assertThatThrownBy(() -> store.headPosition()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aJtaUnitIsGivenTheServersTransactionsEvenWhenHibernateHandsOutEntityTransactions() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:jta-unit");
        EntityManagerFactory jta = Persistence.createEntityManagerFactory("allframe-standalone",
                Map.of("jakarta.persistence.transactionType", "JTA", "jakarta.persistence.jtaDataSource", h2,
                        "hibernate.boot.allow_jdbc_metadata_access", "false",
                        "hibernate.dialect", "org.hibernate.dialect.H2Dialect"));
        try {
            assertThatThrownBy(() -> provider.create(context(Map.of(), jta)))
                    .isInstanceOf(EventStoreException.class)
                    .hasMessageStartingWith("AF2010: The persistence unit uses JTA, but neither the server's naming"
                            + " (java:comp/UserTransaction and java:comp/TransactionSynchronizationRegistry) nor the"
                            + " application's beans offer a UserTransaction and a TransactionSynchronizationRegistry:"
                            + " javax.naming.NoInitialContextException: ");
        } finally {
            jta.close();
        }
    }

    @Test
    void aResourceLocalUnitFromABeanIsUsedWithItsOwnTransactions() {
        EntityManagerFactory local = Persistence.createEntityManagerFactory("allframe-standalone");
        try {
            EventStore store = provider.create(context(Map.of("allframe.jpa.create-schema", "true"), local)).events();
            store.append("from-bean", AppendCondition.noStream(), List.of(new NewEvent(EventIds.next(),
                    "ConformanceEvent", 1, new ConformanceEvent("one", 1), null, null, null)));

            assertThat(store.streamVersion("from-bean")).isEqualTo(1);
        } finally {
            local.close();
        }
    }

    private static EventStoreContext context(Map<String, String> config) {
        return context(config, null);
    }

    private static EventStoreContext context(Map<String, String> config, EntityManagerFactory factory) {
        EventDecoder classes = EventTypeRegistry.of(List.of(ConformanceEvent.class));
        return new EventStoreContext() {
            @Override
            public Optional<String> config(String key) {
                return Optional.ofNullable(config.get(key));
            }

            @Override
            public <T> Optional<T> bean(Class<T> type) {
                return type == EntityManagerFactory.class ? Optional.ofNullable(type.cast(factory)) : Optional.empty();
            }

            @Override
            public EventDecoder events() {
                return classes;
            }

            @Override
            public Clock clock() {
                return Clock.systemUTC();
            }
        };
    }
}
