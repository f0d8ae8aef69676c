package dev.allframe.cdi.error.phases;

import dev.allframe.Handlers;
import dev.allframe.command.CommandHandler;

@Handlers
public class PayHandlers {

    @CommandHandler
    void pay(Pay command) {
    }

    @CommandHandler
    void payAgain(Pay command) {
    }
}
