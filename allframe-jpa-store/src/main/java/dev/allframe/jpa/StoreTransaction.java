package dev.allframe.jpa;

import dev.allframe.jpa.internal.JpaStoreMessages;
import jakarta.persistence.EntityManager;
import java.util.function.Function;

/**
 * The entity manager of the event store's transaction running on this thread: a projection keeping its
 * read model in the database writes through it, so that its changes commit with the checkpoint (tracking
 * projections) or with the command's events (inline projections). In a server, a container-managed
 * entity manager of the same unit joins the same JTA transaction as well.
 */
public final class StoreTransaction {

    private static final ThreadLocal<EntityManager> CURRENT = new ThreadLocal<>();

    private StoreTransaction() {
    }

    /**
     * @throws IllegalStateException no event store transaction runs on this thread
     */
    public static EntityManager entityManager() {
        EntityManager em = CURRENT.get();
        if (em == null) {
            throw new IllegalStateException(JpaStoreMessages.noStoreTransaction().toString());
        }
        return em;
    }

    static <T> T run(EntityManager em, Function<EntityManager, T> work) {
        EntityManager outer = CURRENT.get();
        CURRENT.set(em);
        try {
            return work.apply(em);
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }
}
