package dev.allframe.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hibernate.jdbc.ReturningWork;

/**
 * How the JPA store gets an {@link EntityManager} and a transaction: resource-local in Java SE, JTA in
 * an application server.
 */
public interface JpaTransactions {

    /**
     * Runs {@code work} in a transaction (the caller's, when one is active) and hands its result to
     * {@code afterCommit} once that transaction has committed.
     */
    <T> T write(Function<EntityManager, T> work, Consumer<T> afterCommit);

    /**
     * Whether {@link #autocommit} can run work: not with JTA, where the server owns the connections and a
     * caller's transaction may be active.
     */
    default boolean autocommits() {
        return false;
    }

    /**
     * Runs {@code work} on a connection in autocommit mode, outside any transaction of the unit, and returns
     * its result. On PostgreSQL the statements sent together before one sync then run as one implicit
     * transaction that commits with their last reply: a write in one round trip instead of two. {@code work}
     * may switch autocommit off for a transaction of its own, and must end it.
     *
     * @throws UnsupportedOperationException {@link #autocommits()} is {@code false}
     */
    default <T> T autocommit(ReturningWork<T> work) {
        throw new UnsupportedOperationException("autocommit");
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
