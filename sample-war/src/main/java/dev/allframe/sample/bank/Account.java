package dev.allframe.sample.bank;

import dev.allframe.command.Apply;
import dev.allframe.command.InitialState;
import java.math.BigDecimal;

/** What the command handlers need to know about an account, folded from its stream before each command. */
record Account(boolean open, BigDecimal balance) {

    @InitialState
    static Account unopened() {
        return new Account(false, BigDecimal.ZERO);
    }

    boolean covers(BigDecimal amount) {
        return balance.compareTo(amount) >= 0;
    }

    @Apply
    Account on(AccountOpened e) {
        return new Account(true, BigDecimal.ZERO);
    }

    @Apply
    Account on(MoneyDeposited e) {
        return new Account(open, balance.add(e.amount()));
    }

    @Apply
    Account on(MoneyWithdrawn e) {
        return new Account(open, balance.subtract(e.amount()));
    }
}
