package dev.allframe.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.EventStoreException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A write in the store's own JTA transaction whose commit fails. */
class JtaTransactionFailureTest {

    /** A transaction manager whose commits are refused: the transaction was marked for rollback. */
    private static final class RefusingUserTransaction implements UserTransaction {

        final List<String> calls = new ArrayList<>();
        int status = Status.STATUS_NO_TRANSACTION;

        @Override
        public void begin() {
            calls.add("begin");
            status = Status.STATUS_ACTIVE;
        }

        @Override
        public void commit() throws RollbackException {
            calls.add("commit");
            throw new RollbackException("the transaction was marked for rollback");
        }

        @Override
        public void rollback() {
            calls.add("rollback");
            status = Status.STATUS_NO_TRANSACTION;
        }

        @Override
        public void setRollbackOnly() {
            status = Status.STATUS_MARKED_ROLLBACK;
        }

        @Override
        public int getStatus() {
            return status;
        }

        @Override
        public void setTransactionTimeout(int seconds) {
        }
    }


    @Test
    void aRefusedCommitIsRolledBackAndNamesItsCause() {
        RefusingUserTransaction userTransaction = new RefusingUserTransaction();
        JtaTransactions transactions = new JtaTransactions(TestDatabase.H2.factory(), userTransaction,
                new NoJtaTransaction());
        List<String> afterCommit = new ArrayList<>();

        assertThatThrownBy(() -> transactions.write(em -> "written", afterCommit::add))
                .isInstanceOf(EventStoreException.class)
                .hasMessage("AF2014: The event store's own JTA transaction failed and was rolled back:"
                        + " jakarta.transaction.RollbackException: the transaction was marked for rollback")
                .hasCauseInstanceOf(RollbackException.class);
        assertThat(userTransaction.calls).containsExactly("begin", "commit", "rollback");
        assertThat(afterCommit).isEmpty();
    }
}
