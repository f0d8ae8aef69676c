package dev.allframe.benchmarks.bank;

import dev.allframe.command.CommandHandler;
import dev.allframe.command.CommandRejectedException;

/** AllFrame's handlers of the workloads. */
public class BankHandlers {

    @CommandHandler
    void ping(Ping ping) {
        // the dispatch benchmark measures the bus around a handler that does nothing
    }

    @CommandHandler(createsStream = true)
    AccountOpened open(OpenAccount command) {
        return new AccountOpened(command.accountId(), command.owner());
    }

    @CommandHandler
    MoneyDeposited deposit(Deposit command, Account account) {
        if (!account.open()) {
            throw new CommandRejectedException("no account " + command.accountId());
        }
        return new MoneyDeposited(command.accountId(), command.amountCents());
    }
}
