package dev.allframe.cdi.error.typenames;

import dev.allframe.Handlers;
import dev.allframe.command.CommandHandler;

@Handlers
public class LongNameHandlers {

    @CommandHandler
    LongNamed name(Name command) {
        return new LongNamed(command.id());
    }
}
