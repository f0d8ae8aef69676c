package dev.allframe.it.jpa;

import dev.allframe.command.Apply;
import dev.allframe.command.InitialState;

/** What the warehouse holds of one article, folded from its stream; a record, so it can be snapshotted. */
public record Stock(int onHand) {

    @InitialState
    static Stock none() {
        return new Stock(0);
    }

    @Apply
    Stock on(Received e) {
        return new Stock(onHand + e.quantity());
    }

    @Apply
    Stock on(Shipped e) {
        return new Stock(onHand - e.quantity());
    }
}
