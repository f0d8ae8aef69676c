package dev.allframe.cdi.features.telemetry;

import dev.allframe.bank.AccountOpened;
import dev.allframe.projection.EventHandler;
import dev.allframe.projection.Projection;
import dev.allframe.projection.ProjectionMode;
import java.util.concurrent.atomic.AtomicInteger;

/** An inline projection, which refuses the accounts of an owner named "Mallory". */
@Projection(value = "account-count", mode = ProjectionMode.INLINE)
public class AccountCount {

    private final AtomicInteger accounts = new AtomicInteger();

    @EventHandler
    void on(AccountOpened opened) {
        if (opened.owner().equals("Mallory")) {
            throw new IllegalStateException("no accounts for Mallory");
        }
        accounts.incrementAndGet();
    }

    public int accounts() {
        return accounts.get();
    }
}
