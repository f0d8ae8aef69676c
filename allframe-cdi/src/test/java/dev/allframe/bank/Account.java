package dev.allframe.bank;

import dev.allframe.command.Apply;
import dev.allframe.command.InitialState;
import java.math.BigDecimal;

/** An account's state, folded from its stream. */
public record Account(String id, String owner, BigDecimal balance) {

    @InitialState
    static Account unopened() {
        return new Account(null, null, BigDecimal.ZERO);
    }

    boolean isOpen() {
        return id != null;
    }

    @Apply
    Account on(AccountOpened e) {
        return new Account(e.accountId(), e.owner(), BigDecimal.ZERO);
    }

    @Apply
    Account on(MoneyDeposited e) {
        return new Account(id, owner, balance.add(e.amount()));
    }

    @Apply
    Account on(MoneyWithdrawn e) {
        return new Account(id, owner, balance.subtract(e.amount()));
    }
}
