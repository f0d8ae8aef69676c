package dev.allframe.benchmarks.support;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * Resource-local JPA transactions for Axon outside Spring: one entity manager and transaction per
 * outermost transaction, on the current thread.
 */
public final class AxonJpaTransactions implements TransactionManager, EntityManagerProvider {

    private static final Transaction JOINED = new Transaction() {
        @Override
        public void commit() {
        }

        @Override
        public void rollback() {
        }
    };

    private final EntityManagerFactory factory;
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();

    public AxonJpaTransactions(EntityManagerFactory factory) {
        this.factory = factory;
    }

    @Override
    public Transaction startTransaction() {
        if (current.get() != null) {
            return JOINED;
        }
        EntityManager em = factory.createEntityManager();
        em.getTransaction().begin();
        current.set(em);
        return new Transaction() {
            @Override
            public void commit() {
                try {
                    em.getTransaction().commit();
                } finally {
                    close(em);
                }
            }

            @Override
            public void rollback() {
                try {
                    if (em.getTransaction().isActive()) {
                        em.getTransaction().rollback();
                    }
                } finally {
                    close(em);
                }
            }
        };
    }

    private void close(EntityManager em) {
        current.remove();
        em.close();
    }

    @Override
    public EntityManager getEntityManager() {
        EntityManager em = current.get();
        if (em == null) {
            throw new IllegalStateException("no transaction on this thread");
        }
        return em;
    }
}
