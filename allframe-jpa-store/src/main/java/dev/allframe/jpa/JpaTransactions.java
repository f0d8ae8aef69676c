package dev.allframe.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * How the JPA store gets an {@link EntityManager} and a transaction: resource-local in Java SE, JTA in
 * an application server. With {@link ResourceLocalTransactions}, the store may also write on a connection of
 * the unit in autocommit mode, where an append on PostgreSQL then commits in the round trip that stores it.
 */
public interface JpaTransactions {

    /**
     * Runs {@code work} in a transaction (the caller's, when one is active) and hands its result to
     * {@code afterCommit} once that transaction has committed.
     */
    <T> T write(Function<EntityManager, T> work, Consumer<T> afterCommit);

    /**
     * Whether a {@link #write} on this thread now runs in a transaction of its own, committed before it returns, rather
     * than in a caller's that may still roll back. {@code false} unless the implementation knows: what the store tells
     * from it ({@code AppendResult.committed()}) may only err on the safe side.
     */
    default boolean writesAlone() {
        return false;
    }

    /** Runs {@code work} with an entity manager for reading. */
    <T> T read(Function<EntityManager, T> work);

    /** Runs {@code work} with a new entity manager of {@code factory}, outside any transaction, and closes it. */
    static <T> T reading(EntityManagerFactory factory, Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }
}
