package dev.allframe.jpa;

import dev.allframe.AllFrameMessage;
import dev.allframe.EventStoreException;
import dev.allframe.jpa.internal.HibernateJdbc;
import dev.allframe.jpa.internal.JpaStoreMessages;
import dev.allframe.jpa.internal.RequiredLibraries;
import dev.allframe.spi.EventStoreContext;
import dev.allframe.spi.EventStoreProvider;
import dev.allframe.spi.StoreCapabilities;
import dev.allframe.spi.StoreConfigKey;
import dev.allframe.spi.event.EventSerializer;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.UserTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * {@code allframe.event-store=jpa}. The store uses the application's {@link EntityManagerFactory} bean
 * when there is one (in a server: {@code @Produces @PersistenceUnit EntityManagerFactory}), else the
 * resource-local unit named by {@code allframe.jpa.persistence-unit}; JTA units get JTA transactions.
 */
public final class JpaEventStoreProvider implements EventStoreProvider {

    private final Supplier<JsonbEventSerializer> serializers;

    public JpaEventStoreProvider() {
        this(JsonbEventSerializer::new);
    }

    JpaEventStoreProvider(Supplier<JsonbEventSerializer> serializers) {
        this.serializers = serializers;
    }

    @Override
    public String name() {
        return "jpa";
    }

    static final String PERSISTENCE_UNIT = "allframe.jpa.persistence-unit";
    static final String CREATE_SCHEMA = "allframe.jpa.create-schema";

    @Override
    public List<StoreConfigKey> configKeys() {
        return List.of(new StoreConfigKey(PERSISTENCE_UNIT, ""), new StoreConfigKey(CREATE_SCHEMA, "false"));
    }

    /** The configuration, and the libraries the store needs: a missing jar is named before anything loads it. */
    @Override
    public List<AllFrameMessage> check(EventStoreContext context) {
        List<AllFrameMessage> problems = new ArrayList<>(RequiredLibraries.missing(JpaEventStoreProvider.class
                .getClassLoader()));
        String createSchema = createSchema(context);
        if (!createSchema.equals("true") && !createSchema.equals("false")) {
            problems.add(JpaStoreMessages.notABoolean(CREATE_SCHEMA, createSchema));
        }
        return problems;
    }

    /** The JPA store keeps every role: events, inline listeners, checkpoints, snapshots and sagas. */
    @Override
    public StoreCapabilities create(EventStoreContext context) {
        JsonbEventSerializer serializer = serializer();
        try {
            return StoreCapabilities.of(create(context, serializer));
        } catch (RuntimeException e) {
            try {
                serializer.close();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private JpaEventStore create(EventStoreContext context, JsonbEventSerializer serializer) {
        String unit = context.config(PERSISTENCE_UNIT).map(String::trim).orElse("");
        Optional<EntityManagerFactory> bean = context.bean(EntityManagerFactory.class);
        EntityManagerFactory factory = bean.orElseGet(() -> {
            if (unit.isEmpty()) {
                throw new EventStoreException(JpaStoreMessages.noEntityManagerFactory(unit));
            }
            return Persistence.createEntityManagerFactory(unit);
        });
        JpaTransactions transactions = HibernateJdbc.isJta(factory) ? jta(factory, context)
                : new ResourceLocalTransactions(factory);
        if (createSchema(context).equals("true")) {
            JpaSchema.createIfMissing(transactions);
        } else {
            JpaSchema.requireCurrent(transactions);
        }
        JpaEventStore store = new JpaEventStore(transactions, serializer, context.events(), context.clock());
        store.reportTo(context.metrics());
        store.closeWith(serializer);
        if (bean.isEmpty()) {
            store.closeWith(factory::close);
        }
        return store;
    }

    /** JSON-B first, so that a server without it fails before the store touches the database. */
    private JsonbEventSerializer serializer() {
        try {
            return serializers.get();
        } catch (LinkageError | RuntimeException e) {
            throw new EventStoreException(JpaStoreMessages.noJsonb(e), e);
        }
    }

    /**
     * The server's transactions by their standard names, else the application's beans of them (a container without
     * naming, such as Quarkus, offers them as beans).
     */
    private static JpaTransactions jta(EntityManagerFactory factory, EventStoreContext context) {
        try {
            InitialContext naming = new InitialContext();
            return new JtaTransactions(factory, (UserTransaction) naming.lookup("java:comp/UserTransaction"),
                    (TransactionSynchronizationRegistry) naming.lookup("java:comp/TransactionSynchronizationRegistry"));
        } catch (NamingException e) {
            Optional<UserTransaction> transaction = context.bean(UserTransaction.class);
            Optional<TransactionSynchronizationRegistry> registry = context.bean(TransactionSynchronizationRegistry.class);
            if (transaction.isPresent() && registry.isPresent()) {
                return new JtaTransactions(factory, transaction.get(), registry.get());
            }
            throw new EventStoreException(JpaStoreMessages.noJtaServices(e), e);
        }
    }

    private static String createSchema(EventStoreContext context) {
        return context.config(CREATE_SCHEMA).map(v -> v.trim().toLowerCase(Locale.ROOT)).orElse("false");
    }
}
