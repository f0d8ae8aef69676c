package dev.allframe.jpa.versions;

import dev.allframe.Handlers;
import dev.allframe.command.CommandHandler;
import dev.allframe.command.CommandRejectedException;

@Handlers
public class AccountHandlers {

    @CommandHandler
    Withdrawn withdraw(Withdraw command, Balance balance) {
        if (balance.amount().compareTo(command.amount()) < 0) {
            throw new CommandRejectedException(balance.owner() + " has " + balance.amount() + " " + balance.currency());
        }
        return new Withdrawn(command.accountId(), command.amount(), "new");
    }
}
