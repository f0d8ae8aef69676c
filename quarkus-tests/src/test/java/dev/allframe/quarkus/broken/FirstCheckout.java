package dev.allframe.quarkus.broken;

import dev.allframe.Handlers;
import dev.allframe.command.CommandHandler;

@Handlers
public class FirstCheckout {

    @CommandHandler
    void checkout(Checkout command) {
    }
}
