package dev.allframe.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.core.EventIds;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.jpa.PostgresCondition.RequiresPostgres;
import dev.allframe.spi.conformance.ConformanceEvent;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.AppendRequest;
import dev.allframe.spi.event.AppendResult;
import dev.allframe.spi.event.NewEvent;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.UserTransaction;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Whether the store reports an append committed ({@code AppendResult.committed()}): only when its transaction committed
 * before the append returned, which a command bus may then build on without reading the stream again; never for an
 * append that joined a caller's transaction, nor when the transactions it was given do not say.
 */
class AppendCommittedTest {

    private static AppendRequest request(String stream, AppendCondition condition, String key) {
        return new AppendRequest(stream, condition, List.of(new NewEvent(EventIds.next(), "ConformanceEvent", 1,
                new ConformanceEvent(stream, 1), null, null, null)), key);
    }

    static void appendsInTheirOwnTransactionAreReportedCommitted(TestDatabase database) {
        JpaEventStore store = database.freshStore();

        AppendResult first = store.append(request("c-1", AppendCondition.noStream(), null));
        AppendResult keyed = store.append(request("c-1", AppendCondition.streamVersionEq(1), "key-1"));
        AppendResult again = store.append(request("c-1", AppendCondition.streamVersionEq(1), "key-1"));

        assertThat(first.committed()).isTrue();
        assertThat(keyed.committed()).isTrue();
        assertThat(again.duplicate()).isTrue();
        assertThat(again.committed()).as("a duplicate stored nothing now").isFalse();
    }

    @Test
    void onH2AnAppendInItsOwnTransactionIsReportedCommitted() {
        appendsInTheirOwnTransactionAreReportedCommitted(TestDatabase.H2);
    }

    @Nested
    @RequiresPostgres
    class OnPostgres {

        @Test
        void anAppendAloneOrKeyedInItsOwnTransactionIsReportedCommitted() {
            appendsInTheirOwnTransactionAreReportedCommitted(TestDatabase.POSTGRESQL);
        }
    }

    @Test
    void transactionsThatDoNotSayWhetherTheyJoinACallersAreNotTakenToHaveCommitted() {
        ResourceLocalTransactions local = TestDatabase.H2.transactions();
        JpaTransactions unknown = new JpaTransactions() {
            @Override
            public <T> T write(Function<EntityManager, T> work, Consumer<T> afterCommit) {
                return local.write(work, afterCommit);
            }

            @Override
            public <T> T read(Function<EntityManager, T> work) {
                return local.read(work);
            }
        };
        TestDatabase.H2.freshStore();
        JpaEventStore store = new JpaEventStore(unknown, new JsonbEventSerializer(),
                EventTypeRegistry.of(List.of(ConformanceEvent.class)), Clock.systemUTC());

        AppendResult appended = store.append(request("c-2", AppendCondition.noStream(), null));

        assertThat(appended.streamVersion()).isEqualTo(1);
        assertThat(appended.committed()).isFalse();
    }

    @Test
    void underJtaAWriteIsAloneOnlyWhenTheThreadHasNoTransactionToJoin() {
        UserTransaction unused = (UserTransaction) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {UserTransaction.class}, (proxy, method, args) -> {
                    throw new AssertionError("not used");
                });

        assertThat(new JtaTransactions(TestDatabase.H2.factory(), unused, new NoJtaTransaction()).writesAlone())
                .isTrue();
        assertThat(new JtaTransactions(TestDatabase.H2.factory(), unused, new ActiveTransaction()).writesAlone())
                .isFalse();
    }

    /** A caller's transaction, active on the thread. */
    private static final class ActiveTransaction implements TransactionSynchronizationRegistry {

        @Override
        public Object getTransactionKey() {
            return this;
        }

        @Override
        public void putResource(Object key, Object value) {
        }

        @Override
        public Object getResource(Object key) {
            return null;
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
        }

        @Override
        public int getTransactionStatus() {
            return Status.STATUS_ACTIVE;
        }

        @Override
        public void setRollbackOnly() {
        }

        @Override
        public boolean getRollbackOnly() {
            return false;
        }
    }
}
