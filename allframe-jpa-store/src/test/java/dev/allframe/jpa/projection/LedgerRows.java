package dev.allframe.jpa.projection;

import dev.allframe.EventEnvelope;
import dev.allframe.jpa.StoreTransaction;
import dev.allframe.projection.EventHandler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A read model in the database: one row per credit, keyed by the event id, so that applying an event
 * twice fails on the key.
 */
public class LedgerRows {

    volatile long blockAt = -1;
    final CountDownLatch blocked = new CountDownLatch(1);
    volatile int failAmount = -1;
    volatile long pauseMillis;
    /** When the projections' threads (an inline projection's rebuild) applied events, as {@link System#nanoTime()}. */
    final List<Long> rebuildApplied = new CopyOnWriteArrayList<>();

    @EventHandler
    void on(Credited credited, EventEnvelope envelope) throws InterruptedException {
        if (envelope.globalPosition() == blockAt) {
            blocked.countDown();
            new CountDownLatch(1).await();
        }
        if (Thread.currentThread().getName().startsWith("allframe-projections-")) {
            rebuildApplied.add(System.nanoTime());
        }
        if (pauseMillis > 0) {
            Thread.sleep(pauseMillis);
        }
        if (credited.amount() == failAmount) {
            throw new IllegalStateException("refused " + credited);
        }
        StoreTransaction.entityManager()
                .createNativeQuery("INSERT INTO test_ledger (event_id, account, amount) VALUES (?, ?, ?)")
                .setParameter(1, envelope.eventId().toString()).setParameter(2, credited.account())
                .setParameter(3, credited.amount()).executeUpdate();
    }

    void reset() {
        StoreTransaction.entityManager().createNativeQuery("DELETE FROM test_ledger").executeUpdate();
    }
}
