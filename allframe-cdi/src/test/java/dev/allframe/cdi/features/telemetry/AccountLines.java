package dev.allframe.cdi.features.telemetry;

import dev.allframe.bank.AccountEvent;
import dev.allframe.projection.EventHandler;
import dev.allframe.projection.Projection;
import java.util.concurrent.atomic.AtomicInteger;

@Projection("account-lines")
public class AccountLines {

    private final AtomicInteger lines = new AtomicInteger();

    @EventHandler
    void on(AccountEvent event) {
        lines.incrementAndGet();
    }

    void reset() {
        lines.set(0);
    }

    public int lines() {
        return lines.get();
    }
}
