package dev.allframe.it.error;

import dev.allframe.command.CommandHandler;
import dev.allframe.Handlers;

@Handlers
public class FirstTransfers {

    @CommandHandler
    void transfer(Transfer command) {
    }
}
