package dev.allframe.cdi.error.javase;

import dev.allframe.Handlers;
import dev.allframe.command.CommandHandler;

@Handlers
public class Registrations {

    @CommandHandler(createsStream = true)
    Registered register(Register command) {
        return new Registered(command.id());
    }
}
