package dev.allframe.jpa.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.Session;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.resource.transaction.spi.TransactionCoordinatorBuilder;

/**
 * What the store asks of Hibernate beyond Jakarta Persistence: the JDBC connection behind an entity manager,
 * the dialect, the kind of transactions and the JDBC batch size. Kept here, so that the store's public types
 * name no Hibernate type.
 */
public final class HibernateJdbc {

    private HibernateJdbc() {
    }

    /** Runs {@code work} on the connection of {@code em}, in its transaction when one is active. */
    public static <T> T onConnectionOf(EntityManager em, JdbcWork<T> work) {
        return em.unwrap(Session.class).doReturningWork(work::execute);
    }

    /** Autocommit connections of {@code factory}, a resource-local unit. */
    public static AutocommitConnections autocommit(EntityManagerFactory factory) {
        return new Autocommit(factory);
    }

    /**
     * Whether the unit's transactions are JTA ones. Hibernate's transaction coordinator knows; the entity
     * manager does not tell, as Hibernate hands out an {@code EntityTransaction} for a JTA unit too unless
     * its JPA transaction compliance is switched on.
     */
    public static boolean isJta(EntityManagerFactory factory) {
        return factory.unwrap(SessionFactoryImplementor.class).getServiceRegistry()
                .requireService(TransactionCoordinatorBuilder.class).isJta();
    }

    /** Whether {@code em}'s unit runs on PostgreSQL. */
    public static boolean isPostgres(EntityManager em) {
        return em.unwrap(SessionImplementor.class).getFactory().getJdbcServices().getDialect()
                instanceof PostgreSQLDialect;
    }

    /**
     * Whether {@code dialect} is Apache Derby's. Told by the class's name: Hibernate ORM 6 has the dialect in its
     * core, Hibernate ORM 7 (Quarkus's) among its community dialects.
     */
    public static boolean isDerby(Dialect dialect) {
        for (Class<?> type = dialect.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getSimpleName().equals("DerbyDialect")) {
                return true;
            }
        }
        return false;
    }

    /** Makes {@code em} send up to {@code size} inserts in one JDBC batch. */
    static void batchInserts(EntityManager em, int size) {
        em.unwrap(Session.class).setJdbcBatchSize(size);
    }

    /** Switches the connection to autocommit for the work if the pool hands it out without, and back after. */
    private record Autocommit(EntityManagerFactory factory) implements AutocommitConnections {

        @Override
        public <T> T autocommit(JdbcWork<T> work) {
            EntityManager em = factory.createEntityManager();
            try {
                return onConnectionOf(em, JdbcWork.inAutocommit(work));
            } finally {
                em.close();
            }
        }
    }
}
