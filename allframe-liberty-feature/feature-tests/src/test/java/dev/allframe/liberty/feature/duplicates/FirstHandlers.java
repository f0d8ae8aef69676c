package dev.allframe.liberty.feature.duplicates;

import dev.allframe.command.CommandHandler;
import dev.allframe.Handlers;

@Handlers
public class FirstHandlers {

    @CommandHandler
    void transfer(Transfer command) {
    }
}
