package dev.allframe.jpa.payout;

import dev.allframe.Handlers;
import dev.allframe.command.CommandHandler;

@Handlers
public class Ledger {

    @CommandHandler
    Withdrawn withdraw(Withdraw command) {
        return new Withdrawn(command.account(), command.amount());
    }

    @CommandHandler
    Deposited deposit(Deposit command) {
        return new Deposited(command.account(), command.amount());
    }
}
