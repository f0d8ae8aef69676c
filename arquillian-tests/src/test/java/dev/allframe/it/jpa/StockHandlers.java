package dev.allframe.it.jpa;

import dev.allframe.Handlers;
import dev.allframe.command.CommandHandler;
import dev.allframe.command.CommandRejectedException;

@Handlers
public class StockHandlers {

    @CommandHandler
    Received receive(Receive command) {
        return new Received(command.sku(), command.quantity());
    }

    @CommandHandler
    Shipped ship(Ship command, Stock stock) {
        if (stock.onHand() < command.quantity()) {
            throw new CommandRejectedException("only " + stock.onHand() + " of " + command.sku() + " in stock");
        }
        return new Shipped(command.sku(), command.quantity());
    }
}
