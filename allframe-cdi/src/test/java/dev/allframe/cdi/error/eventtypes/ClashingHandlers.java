package dev.allframe.cdi.error.eventtypes;

import dev.allframe.Handlers;
import dev.allframe.command.CommandHandler;

@Handlers
public class ClashingHandlers {

    @CommandHandler
    Opened open(Open command) {
        return new Opened(command.id());
    }

    @CommandHandler
    Created create(Create command) {
        return new Created(command.id());
    }
}
