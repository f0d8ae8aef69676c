package dev.allframe.jpa.cdi;

import dev.allframe.projection.EventHandler;
import dev.allframe.projection.Projection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A read model in memory that cannot take a deposit of 13 cents. */
@Projection("picky-wallet-count")
public class PickyWalletCount {

    private final List<Long> cents = new CopyOnWriteArrayList<>();

    @EventHandler
    void on(Deposited deposited) {
        if (deposited.cents() == 13) {
            throw new IllegalArgumentException("13 cents is bad luck");
        }
        cents.add(deposited.cents());
    }

    public List<Long> cents() {
        return List.copyOf(cents);
    }
}
