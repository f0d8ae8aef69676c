package dev.allframe.it.error;

import dev.allframe.Handlers;
import dev.allframe.command.CommandHandler;

@Handlers
public class SecondTransfers {

    @CommandHandler
    void transfer(Transfer command) {
    }
}
