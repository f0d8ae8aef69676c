package dev.allframe.bank;

import dev.allframe.Handlers;
import dev.allframe.command.CommandHandler;
import dev.allframe.command.CommandRejectedException;
import java.util.List;

@Handlers
public class AccountCommands {

    @CommandHandler(createsStream = true)
    AccountOpened open(OpenAccount cmd) {
        return new AccountOpened(cmd.accountId(), cmd.owner());
    }

    @CommandHandler
    List<AccountEvent> deposit(Deposit cmd, Account account) {
        requireOpen(account, cmd.accountId());
        return List.of(new MoneyDeposited(cmd.accountId(), cmd.amount()));
    }

    @CommandHandler
    List<AccountEvent> withdraw(Withdraw cmd, Account account) {
        requireOpen(account, cmd.accountId());
        if (account.balance().compareTo(cmd.amount()) < 0) {
            throw new CommandRejectedException("insufficient funds");
        }
        return List.of(new MoneyWithdrawn(cmd.accountId(), cmd.amount()));
    }

    private static void requireOpen(Account account, String accountId) {
        if (!account.isOpen()) {
            throw new CommandRejectedException("account " + accountId + " is not open");
        }
    }
}
