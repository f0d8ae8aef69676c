package dev.allframe.cdi.error.openevents;

import dev.allframe.Handlers;
import dev.allframe.command.CommandHandler;

/** Two event classes with one simple name, so one default type name. */
@Handlers
public class SameNames {

    @CommandHandler
    Noted one(Command.One command) {
        return new Noted(command.id());
    }

    @CommandHandler
    dev.allframe.cdi.error.openevents.other.Noted two(Command.Two command) {
        return new dev.allframe.cdi.error.openevents.other.Noted(command.id());
    }
}
