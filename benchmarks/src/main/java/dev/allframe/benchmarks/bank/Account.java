package dev.allframe.benchmarks.bank;

import dev.allframe.command.Apply;
import dev.allframe.command.InitialState;

/** AllFrame's aggregate state: folded from the stream before each deposit. */
public record Account(boolean open, long balanceCents) {

    @InitialState
    static Account unopened() {
        return new Account(false, 0);
    }

    @Apply
    Account on(AccountOpened e) {
        return new Account(true, 0);
    }

    @Apply
    Account on(MoneyDeposited e) {
        return new Account(open, balanceCents + e.amountCents());
    }
}
