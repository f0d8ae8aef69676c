package dev.allframe.liberty.feature.duplicates;

import dev.allframe.Handlers;
import dev.allframe.command.CommandHandler;

@Handlers
public class FirstHandlers {

    @CommandHandler
    void transfer(Transfer command) {
    }
}
