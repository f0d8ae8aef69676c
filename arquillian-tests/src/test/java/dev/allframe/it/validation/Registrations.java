package dev.allframe.it.validation;

import dev.allframe.Handlers;
import dev.allframe.command.CommandHandler;

@Handlers
public class Registrations {

    @CommandHandler(createsStream = true)
    Registered register(Register command) {
        return new Registered(command.username());
    }
}
