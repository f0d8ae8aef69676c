package dev.allframe.jpa.versions;

import dev.allframe.command.Apply;
import dev.allframe.command.InitialState;
import java.math.BigDecimal;

/** Folded from the stream: only ever sees the newest versions. */
public record Balance(String owner, String currency, BigDecimal amount) {

    @InitialState
    static Balance none() {
        return new Balance(null, null, BigDecimal.ZERO);
    }

    @Apply
    Balance on(AccountOpened e) {
        return new Balance(e.owner(), e.currency(), amount);
    }

    @Apply
    Balance on(Deposited e) {
        return new Balance(owner, currency, amount.add(e.amount()));
    }

    @Apply
    Balance on(Withdrawn e) {
        return new Balance(owner, currency, amount.subtract(e.amount()));
    }
}
