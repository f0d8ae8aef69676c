package dev.allframe.it.error;

import dev.allframe.CommandHandler;
import dev.allframe.Handlers;

@Handlers
public class FirstTransfers {

    @CommandHandler
    void transfer(Transfer command) {
    }
}
