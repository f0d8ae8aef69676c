package dev.allframe.spi.conformance.wallet;

import dev.allframe.command.Apply;
import dev.allframe.command.InitialState;
import dev.allframe.command.StateVersion;
import java.math.BigDecimal;

/** A wallet's state, folded from its stream; version 2 of its fold, as taking money once did nothing. */
@StateVersion(2)
public record Wallet(String id, BigDecimal balance) {

    @InitialState
    public static Wallet none() {
        return new Wallet(null, BigDecimal.ZERO);
    }

    @Apply
    public Wallet on(WalletOpened e) {
        return new Wallet(e.walletId(), BigDecimal.ZERO);
    }

    @Apply
    public Wallet on(MoneyAdded e) {
        return new Wallet(id, balance.add(e.amount()));
    }

    @Apply
    public Wallet on(MoneyTaken e) {
        return new Wallet(id, balance.subtract(e.amount()));
    }
}
