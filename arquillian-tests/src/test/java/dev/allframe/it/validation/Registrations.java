package dev.allframe.it.validation;

import dev.allframe.command.CommandHandler;
import dev.allframe.Handlers;

@Handlers
public class Registrations {

    @CommandHandler(createsStream = true)
    Registered register(Register command) {
        return new Registered(command.username());
    }
}
