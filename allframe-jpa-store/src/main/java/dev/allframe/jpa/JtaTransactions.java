package dev.allframe.jpa;

import static java.util.Objects.requireNonNull;

import dev.allframe.EventStoreException;
import dev.allframe.jpa.internal.JpaStoreMessages;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.UserTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Transactions of a JTA persistence unit in an application server. A write joins the caller's
 * transaction when there is one, so that events commit or roll back with the caller's own work, and
 * reports the result once that transaction has committed; without one, it begins and commits its own. The writes
 * of one transaction are reported after its commit in the order they were made, through one synchronization: servers
 * call the synchronizations of a transaction in orders of their own (WildFly's in reverse).
 */
public final class JtaTransactions implements JpaTransactions {

    private final EntityManagerFactory factory;
    private final UserTransaction userTransaction;
    private final TransactionSynchronizationRegistry registry;

    public JtaTransactions(EntityManagerFactory factory, UserTransaction userTransaction,
                           TransactionSynchronizationRegistry registry) {
        this.factory = requireNonNull(factory, "factory");
        this.userTransaction = requireNonNull(userTransaction, "userTransaction");
        this.registry = requireNonNull(registry, "registry");
    }

    @Override
    public <T> T write(Function<EntityManager, T> work, Consumer<T> afterCommit) {
        if (transactionActive()) {
            EntityManager em = factory.createEntityManager();
            try {
                em.joinTransaction();
                T result = StoreTransaction.run(em, work);
                afterCommit().add(() -> afterCommit.accept(result));
                return result;
            } finally {
                em.close();
            }
        }
        T result = inOwnTransaction(work);
        afterCommit.accept(result);
        return result;
    }

    /** A write joins the caller's transaction when one is active on this thread, else begins and commits its own. */
    @Override
    public boolean writesAlone() {
        return !transactionActive();
    }

    /** Whether a transaction is active on this thread: the caller's, which a write joins. */
    boolean transactionActive() {
        return registry.getTransactionStatus() != Status.STATUS_NO_TRANSACTION;
    }

    private <T> T inOwnTransaction(Function<EntityManager, T> work) {
        boolean committed = false;
        try {
            userTransaction.begin();
            T result;
            EntityManager em = factory.createEntityManager();
            try {
                em.joinTransaction();
                result = StoreTransaction.run(em, work);
            } finally {
                em.close();
            }
            userTransaction.commit();
            committed = true;
            return result;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new EventStoreException(JpaStoreMessages.transactionFailed(e), e);
        } finally {
            if (!committed) {
                rollbackQuietly();
            }
        }
    }

    private void rollbackQuietly() {
        try {
            if (userTransaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                userTransaction.rollback();
            }
        } catch (SystemException | IllegalStateException e) {
            // the transaction is already gone: nothing to undo
        }
    }

    @Override
    public <T> T read(Function<EntityManager, T> work) {
        return JpaTransactions.reading(factory, work);
    }

    /** What runs once the current transaction committed, registered with it at its first write. */
    private AfterCommit afterCommit() {
        AfterCommit actions = (AfterCommit) registry.getResource(this);
        if (actions == null) {
            actions = new AfterCommit();
            registry.registerInterposedSynchronization(actions);
            registry.putResource(this, actions);
        }
        return actions;
    }

    /**
     * The actions of one transaction's writes, run in order once it committed; one failing, also with an {@code Error},
     * does not stop the rest, and the first failure is thrown after them with the others suppressed in it.
     */
    private static final class AfterCommit implements Synchronization {

        private final List<Runnable> actions = new ArrayList<>();

        void add(Runnable action) {
            actions.add(action);
        }

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status != Status.STATUS_COMMITTED) {
                return;
            }
            Throwable failed = null;
            for (Runnable action : actions) {
                try {
                    action.run();
                } catch (RuntimeException | Error e) {
                    if (failed == null) {
                        failed = e;
                    } else {
                        failed.addSuppressed(e);
                    }
                }
            }
            if (failed instanceof Error error) {
                throw error;
            }
            if (failed != null) {
                throw (RuntimeException) failed;
            }
        }
    }
}
