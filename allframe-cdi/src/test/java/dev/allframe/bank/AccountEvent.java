package dev.allframe.bank;

/** Everything that happens to an account. */
public sealed interface AccountEvent permits AccountOpened, MoneyDeposited, MoneyWithdrawn {

    String accountId();
}
