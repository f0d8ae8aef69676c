package dev.allframe.sample.bank;

import dev.allframe.command.CommandRejectedException;

/** A command names an account that was never opened. */
public class UnknownAccountException extends CommandRejectedException {

    private final String accountId;

    public UnknownAccountException(String accountId) {
        super("no account " + accountId);
        this.accountId = accountId;
    }

    public String accountId() {
        return accountId;
    }
}
