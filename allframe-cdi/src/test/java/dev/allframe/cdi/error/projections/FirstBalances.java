package dev.allframe.cdi.error.projections;

import dev.allframe.projection.EventHandler;
import dev.allframe.projection.Projection;

@Projection("balances")
public class FirstBalances {

    @EventHandler
    void on(Opened opened) {
    }
}
