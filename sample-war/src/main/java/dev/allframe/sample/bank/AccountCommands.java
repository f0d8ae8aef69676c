package dev.allframe.sample.bank;

import dev.allframe.Handlers;
import dev.allframe.command.CommandHandler;
import dev.allframe.command.CommandRejectedException;

/** The bank's rules: each handler sees the account as its events left it and decides what happens next. */
@Handlers
public class AccountCommands {

    @CommandHandler
    AccountOpened open(OpenAccount command, Account account) {
        if (account.open()) {
            throw new CommandRejectedException("account " + command.accountId() + " already exists");
        }
        return new AccountOpened(command.accountId(), command.owner());
    }

    @CommandHandler
    MoneyDeposited deposit(Deposit command, Account account) {
        requireOpen(account, command.accountId());
        return new MoneyDeposited(command.accountId(), command.amount());
    }

    @CommandHandler
    MoneyWithdrawn withdraw(Withdraw command, Account account) {
        requireOpen(account, command.accountId());
        if (!account.covers(command.amount())) {
            throw new CommandRejectedException("insufficient funds");
        }
        return new MoneyWithdrawn(command.accountId(), command.amount());
    }

    private static void requireOpen(Account account, String accountId) {
        if (!account.open()) {
            throw new UnknownAccountException(accountId);
        }
    }
}
