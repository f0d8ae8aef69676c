package dev.allframe.jpa.projection;

import dev.allframe.EventEnvelope;
import dev.allframe.jpa.StoreTransaction;
import dev.allframe.projection.EventHandler;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;

/**
 * A read model in the database: one row per credit, keyed by the event id, so that applying an event
 * twice fails on the key.
 */
public class LedgerRows {

    volatile long blockAt = -1;
    final CountDownLatch blocked = new CountDownLatch(1);
    volatile int failAmount = -1;
    volatile Hold hold;
    private final long callNanos;

    public LedgerRows() {
        this(Duration.ZERO);
    }

    /**
     * A read model whose every event also waits {@code call}, as a call to another system (a search index, a mail
     * server) would.
     */
    public LedgerRows(Duration call) {
        this.callNanos = call.toNanos();
    }

    /** Holds the handler at the event at {@code position}: it says so, then waits for release. */
    record Hold(long position, CountDownLatch reached, CountDownLatch release) {

        static Hold at(long position) {
            return new Hold(position, new CountDownLatch(1), new CountDownLatch(1));
        }
    }

    @EventHandler
    void on(Credited credited, EventEnvelope envelope) throws InterruptedException {
        if (envelope.globalPosition() == blockAt) {
            blocked.countDown();
            new CountDownLatch(1).await();
        }
        Hold holding = hold;
        if (holding != null && envelope.globalPosition() == holding.position()) {
            holding.reached().countDown();
            holding.release().await();
        }
        if (callNanos > 0) {
            LockSupport.parkNanos(callNanos);
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
