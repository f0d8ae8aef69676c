package dev.allframe.cdi.error.projections;

import dev.allframe.projection.Projection;

@Projection("balances")
public class SecondBalances {

    void on(Opened opened) {
    }
}
