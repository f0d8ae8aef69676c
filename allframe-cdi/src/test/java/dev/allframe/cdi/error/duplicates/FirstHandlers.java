package dev.allframe.cdi.error.duplicates;

import dev.allframe.Handlers;
import dev.allframe.command.CommandHandler;
import dev.allframe.query.QueryHandler;

@Handlers
public class FirstHandlers {

    @CommandHandler
    void transfer(Transfer command) {
    }

    @QueryHandler
    String lookup(Lookup query) {
        return "first";
    }
}
