package dev.allframe.jpa.cdi;

import dev.allframe.command.Apply;
import dev.allframe.command.InitialState;

public record Wallet(long cents, int events) {

    @InitialState
    static Wallet empty() {
        return new Wallet(0, 0);
    }

    @Apply
    Wallet on(Deposited e) {
        return new Wallet(cents + e.cents(), events + 1);
    }

    @Apply
    Wallet on(Spent e) {
        return new Wallet(cents - e.cents(), events + 1);
    }
}
