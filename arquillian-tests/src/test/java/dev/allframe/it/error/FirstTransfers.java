package dev.allframe.it.error;

import dev.allframe.Handlers;
import dev.allframe.command.CommandHandler;

@Handlers
public class FirstTransfers {

    @CommandHandler
    void transfer(Transfer command) {
    }
}
