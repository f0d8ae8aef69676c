package dev.allframe.sample.bank;

/** Everything that happens to an account: the account's stream holds these events. */
public sealed interface AccountEvent permits AccountOpened, MoneyDeposited, MoneyWithdrawn {

    String accountId();
}
