package dev.allframe.jpa.cdi;

import dev.allframe.projection.EventHandler;
import dev.allframe.projection.Projection;
import java.util.concurrent.atomic.AtomicLong;

/** A read model in memory: it replays the log at every start. */
@Projection("wallet-totals")
public class WalletTotals {

    private final AtomicLong cents = new AtomicLong();

    @EventHandler
    void on(WalletEvent event) {
        cents.addAndGet(event instanceof Deposited d ? d.cents() : -((Spent) event).cents());
    }

    void reset() {
        cents.set(0);
    }

    public long cents() {
        return cents.get();
    }
}
