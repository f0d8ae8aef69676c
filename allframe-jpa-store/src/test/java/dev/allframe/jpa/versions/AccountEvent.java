package dev.allframe.jpa.versions;

public sealed interface AccountEvent permits AccountOpened, Deposited, Withdrawn, AccountClosed {

    String accountId();
}
