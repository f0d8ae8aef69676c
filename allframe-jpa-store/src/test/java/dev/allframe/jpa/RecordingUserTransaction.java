package dev.allframe.jpa;

import jakarta.transaction.NotSupportedException;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.util.ArrayList;
import java.util.List;

/** Records what the store asks of the transaction manager; a begin is refused, as the tests using it expect none. */
final class RecordingUserTransaction implements UserTransaction {

    final List<String> calls = new ArrayList<>();

    @Override
    public void begin() throws NotSupportedException {
        calls.add("begin");
        throw new NotSupportedException("no JTA transaction expected");
    }

    @Override
    public void commit() {
        calls.add("commit");
    }

    @Override
    public void rollback() {
        calls.add("rollback");
    }

    @Override
    public void setRollbackOnly() {
        calls.add("setRollbackOnly");
    }

    @Override
    public int getStatus() {
        return Status.STATUS_NO_TRANSACTION;
    }

    @Override
    public void setTransactionTimeout(int seconds) {
    }
}
