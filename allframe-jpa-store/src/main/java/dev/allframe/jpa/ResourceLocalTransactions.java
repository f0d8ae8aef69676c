package dev.allframe.jpa;

import static java.util.Objects.requireNonNull;

import dev.allframe.jpa.internal.AutocommitConnections;
import dev.allframe.jpa.internal.HibernateJdbc;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.util.function.Consumer;
import java.util.function.Function;

/** Transactions of a resource-local persistence unit: one entity manager and transaction per call. */
public final class ResourceLocalTransactions implements JpaTransactions {

    private final EntityManagerFactory factory;

    public ResourceLocalTransactions(EntityManagerFactory factory) {
        this.factory = requireNonNull(factory, "factory");
    }

    @Override
    public <T> T write(Function<EntityManager, T> work, Consumer<T> afterCommit) {
        T result;
        EntityManager em = factory.createEntityManager();
        try {
            EntityTransaction transaction = em.getTransaction();
            transaction.begin();
            try {
                result = StoreTransaction.run(em, work);
                transaction.commit();
            } finally {
                if (transaction.isActive()) {
                    transaction.rollback();
                }
            }
        } finally {
            em.close();
        }
        afterCommit.accept(result);
        return result;
    }

    /** Every write begins and commits a transaction of its own. */
    @Override
    public boolean writesAlone() {
        return true;
    }

    /** Connections of the unit in autocommit mode, for writes with nothing else in their transaction. */
    AutocommitConnections autocommitConnections() {
        return HibernateJdbc.autocommit(factory);
    }

    @Override
    public <T> T read(Function<EntityManager, T> work) {
        return JpaTransactions.reading(factory, work);
    }
}
