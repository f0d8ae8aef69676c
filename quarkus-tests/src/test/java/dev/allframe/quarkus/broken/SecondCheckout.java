package dev.allframe.quarkus.broken;

import dev.allframe.Handlers;
import dev.allframe.command.CommandHandler;

@Handlers
public class SecondCheckout {

    @CommandHandler
    void payAndShip(Checkout command) {
    }
}
