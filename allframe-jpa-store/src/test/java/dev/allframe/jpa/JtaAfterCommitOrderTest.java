package dev.allframe.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.UserTransaction;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The writes made in a caller's JTA transaction are reported after its commit in the order they were made, whatever
 * order the server calls a transaction's synchronizations in (WildFly's transaction manager calls them in reverse).
 */
class JtaAfterCommitOrderTest {

    /** A caller's transaction whose synchronizations run in reverse order of registration, as on WildFly. */
    private static final class ReversingTransaction implements TransactionSynchronizationRegistry {

        private final Map<Object, Object> resources = new HashMap<>();
        private final List<Synchronization> synchronizations = new ArrayList<>();
        private int status = Status.STATUS_ACTIVE;

        void complete(int outcome) {
            status = outcome;
            for (int i = synchronizations.size() - 1; i >= 0; i--) {
                synchronizations.get(i).afterCompletion(outcome);
            }
        }

        @Override
        public Object getTransactionKey() {
            return this;
        }

        @Override
        public void putResource(Object key, Object value) {
            resources.put(key, value);
        }

        @Override
        public Object getResource(Object key) {
            return resources.get(key);
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            synchronizations.add(sync);
        }

        @Override
        public int getTransactionStatus() {
            return status;
        }

        @Override
        public void setRollbackOnly() {
        }

        @Override
        public boolean getRollbackOnly() {
            return false;
        }
    }

    private final ReversingTransaction transaction = new ReversingTransaction();
    private final JtaTransactions transactions = new JtaTransactions(TestDatabase.H2.factory(),
            (UserTransaction) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {UserTransaction.class},
                    (proxy, method, args) -> {
                        throw new AssertionError("the caller's transaction is used, not one of the store's own");
                    }), transaction);
    private final List<String> told = new ArrayList<>();

    @Test
    void theWritesOfATransactionAreReportedInTheirOrderOnceItCommitted() {
        transactions.write(em -> "first", told::add);
        transactions.write(em -> "second", told::add);
        transactions.write(em -> "third", told::add);
        assertThat(told).isEmpty();

        transaction.complete(Status.STATUS_COMMITTED);

        assertThat(told).containsExactly("first", "second", "third");
    }

    @Test
    void nothingIsReportedOfATransactionRolledBack() {
        transactions.write(em -> "first", told::add);

        transaction.complete(Status.STATUS_ROLLEDBACK);

        assertThat(told).isEmpty();
    }

    @Test
    void aReportThatFailsDoesNotKeepTheLaterOnesFromBeingMade() {
        transactions.write(em -> "first", first -> {
            throw new IllegalStateException("listener down");
        });
        transactions.write(em -> "second", told::add);

        assertThatThrownBy(() -> transaction.complete(Status.STATUS_COMMITTED)).hasMessage("listener down");
        assertThat(told).containsExactly("second");
    }

    @Test
    void aReportThatFailsWithAnErrorDoesNotKeepTheLaterOnesFromBeingMadeAndTheErrorIsWhatIsThrown() {
        transactions.write(em -> "first", first -> {
            throw new StackOverflowError("listener recursed");
        });
        transactions.write(em -> "second", second -> {
            throw new IllegalStateException("listener down");
        });
        transactions.write(em -> "third", told::add);

        assertThatThrownBy(() -> transaction.complete(Status.STATUS_COMMITTED))
                .isInstanceOf(StackOverflowError.class).hasMessage("listener recursed")
                .satisfies(error -> assertThat(error.getSuppressed()).extracting(Throwable::getMessage)
                        .containsExactly("listener down"));
        assertThat(told).containsExactly("third");
    }
}
