package dev.allframe.cdi.error.projections;

import dev.allframe.projection.Projection;

@Projection("balances")
public class FirstBalances {

    void on(Opened opened) {
    }
}
