package dev.allframe.test;

import dev.allframe.test.internal.TestKitMessages;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import java.util.Map;

/**
 * A database of the kit's for one test: made empty before it, offered to AllFrame's JPA store as the application's
 * {@code EntityManagerFactory}, and gone after it.
 */
interface TestDatabase extends AutoCloseable {

    /** The configuration that makes AllFrame use it. */
    default Map<String, String> config() {
        return Map.of("allframe.event-store", "jpa", "allframe.jpa.create-schema", "true");
    }

    void addBean(AfterBeanDiscovery event);

    @Override
    void close();

    /** The database of {@code store}, or {@code null} for the in-memory store. */
    static TestDatabase open(TestStore store, Class<?> testClass) {
        if (store == TestStore.MEMORY) {
            return null;
        }
        try {
            Class.forName("dev.allframe.jpa.JpaEventStoreProvider", false, TestDatabase.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException(TestKitMessages.noJpaStore(store.name(),
                    store == TestStore.POSTGRESQL ? " and the PostgreSQL driver" : "", testClass, e.toString())
                    .toString(), e);
        }
        return store == TestStore.H2 ? JpaTestDatabase.h2() : JpaTestDatabase.postgresql(testClass);
    }
}
