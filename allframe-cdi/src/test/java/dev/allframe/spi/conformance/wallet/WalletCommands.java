package dev.allframe.spi.conformance.wallet;

import dev.allframe.command.CommandHandler;
import dev.allframe.command.CommandRejectedException;
import dev.allframe.command.StreamId;
import java.math.BigDecimal;

/** The wallet's commands and their handlers. */
public class WalletCommands {

    public record OpenWallet(@StreamId String walletId) {
    }

    public record AddMoney(@StreamId String walletId, BigDecimal amount) {
    }

    /** Handled by code that still emits version 1 of {@link MoneyAdded}. */
    public record AddCents(@StreamId String walletId, long cents) {
    }

    public record TakeMoney(@StreamId String walletId, BigDecimal amount) {
    }

    @CommandHandler(createsStream = true)
    WalletOpened open(OpenWallet command) {
        return new WalletOpened(command.walletId());
    }

    @CommandHandler
    MoneyAdded add(AddMoney command, Wallet wallet) {
        return new MoneyAdded(command.walletId(), command.amount());
    }

    @CommandHandler
    MoneyAddedInCents addCents(AddCents command, Wallet wallet) {
        return new MoneyAddedInCents(command.walletId(), command.cents());
    }

    @CommandHandler
    MoneyTaken take(TakeMoney command, Wallet wallet) {
        if (wallet.balance().compareTo(command.amount()) < 0) {
            throw new CommandRejectedException("insufficient funds: " + wallet.balance());
        }
        return new MoneyTaken(command.walletId(), command.amount());
    }
}
