package dev.allframe.jpa.cdi;

import dev.allframe.projection.EventHandler;
import dev.allframe.projection.Projection;
import java.util.concurrent.atomic.AtomicLong;

/** A read model in memory, declared without saying where it lives. */
@Projection("wallet-count")
public class WalletCount {

    private final AtomicLong events = new AtomicLong();
    private final AtomicLong cents = new AtomicLong();

    @EventHandler
    void on(WalletEvent event) {
        events.incrementAndGet();
        cents.addAndGet(event instanceof Deposited d ? d.cents() : -((Spent) event).cents());
    }

    public long events() {
        return events.get();
    }

    public long cents() {
        return cents.get();
    }
}
