package dev.allframe.jpa;

import static java.util.Objects.requireNonNull;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;

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

    @Override
    public boolean autocommits() {
        return true;
    }

    /** Switches the connection to autocommit for {@code work} if the pool hands it out without, and back after. */
    @Override
    public <T> T autocommit(ReturningWork<T> work) {
        EntityManager em = factory.createEntityManager();
        try {
            return em.unwrap(Session.class).doReturningWork(connection -> {
                boolean autocommit = connection.getAutoCommit();
                if (!autocommit) {
                    connection.setAutoCommit(true);
                }
                try {
                    return work.execute(connection);
                } finally {
                    if (!autocommit) {
                        connection.setAutoCommit(false);
                    }
                }
            });
        } finally {
            em.close();
        }
    }

    @Override
    public <T> T read(Function<EntityManager, T> work) {
        return JpaTransactions.reading(factory, work);
    }
}
