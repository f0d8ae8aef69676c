package dev.allframe.jpa.cdi;

import dev.allframe.Handlers;
import dev.allframe.command.CommandHandler;
import dev.allframe.command.CommandRejectedException;
import java.util.List;

@Handlers
public class WalletHandlers {

    @CommandHandler
    List<WalletEvent> deposit(Deposit command, Wallet wallet) {
        return List.of(new Deposited(command.walletId(), command.cents()));
    }

    @CommandHandler
    List<WalletEvent> spend(Spend command, Wallet wallet) {
        if (wallet.cents() < command.cents()) {
            throw new CommandRejectedException("only " + wallet.cents() + " cents left after " + wallet.events() + " events");
        }
        return List.of(new Spent(command.walletId(), command.cents()));
    }
}
