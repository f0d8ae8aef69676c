package dev.allframe.jpa.restart;

import dev.allframe.command.Apply;
import dev.allframe.command.InitialState;

public record Balance(long cents) {

    @InitialState
    static Balance empty() {
        return new Balance(0);
    }

    @Apply
    Balance on(Credited e) {
        return new Balance(cents + e.cents());
    }
}
