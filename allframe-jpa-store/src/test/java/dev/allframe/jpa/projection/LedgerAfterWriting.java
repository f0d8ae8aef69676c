package dev.allframe.jpa.projection;

import dev.allframe.EventEnvelope;
import dev.allframe.jpa.StoreTransaction;
import dev.allframe.projection.EventHandler;

/**
 * A read model in the database that writes its row and then fails on the amount it is told to: a failure whose
 * effects only a rollback undoes.
 */
public class LedgerAfterWriting {

    volatile int failAmount = -1;

    @EventHandler
    void on(Credited credited, EventEnvelope envelope) {
        StoreTransaction.entityManager()
                .createNativeQuery("INSERT INTO test_ledger (event_id, account, amount) VALUES (?, ?, ?)")
                .setParameter(1, envelope.eventId().toString()).setParameter(2, credited.account())
                .setParameter(3, credited.amount()).executeUpdate();
        if (credited.amount() == failAmount) {
            throw new IllegalStateException("refused " + credited);
        }
    }
}
