package dev.allframe.cdi.error.duplicates;

import dev.allframe.command.CommandHandler;
import dev.allframe.query.QueryHandler;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class SecondHandlers {

    @CommandHandler
    void moveMoney(Transfer command) {
    }

    @QueryHandler
    String find(Lookup query) {
        return "second";
    }
}
