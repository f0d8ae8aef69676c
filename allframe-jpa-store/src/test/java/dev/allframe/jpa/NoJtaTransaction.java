package dev.allframe.jpa;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** A transaction registry on a thread where no transaction runs: the caller of the store has none. */
final class NoJtaTransaction implements TransactionSynchronizationRegistry {

    @Override
    public Object getTransactionKey() {
        return null;
    }

    @Override
    public void putResource(Object key, Object value) {
        throw new IllegalStateException("no transaction");
    }

    @Override
    public Object getResource(Object key) {
        return null;
    }

    @Override
    public void registerInterposedSynchronization(Synchronization sync) {
        throw new IllegalStateException("no transaction");
    }

    @Override
    public int getTransactionStatus() {
        return Status.STATUS_NO_TRANSACTION;
    }

    @Override
    public void setRollbackOnly() {
        throw new IllegalStateException("no transaction");
    }

    @Override
    public boolean getRollbackOnly() {
        return false;
    }
}
