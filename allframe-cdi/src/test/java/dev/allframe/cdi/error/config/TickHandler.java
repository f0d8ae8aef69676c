package dev.allframe.cdi.error.config;

import dev.allframe.Handlers;
import dev.allframe.command.CommandHandler;

@Handlers
public class TickHandler {

    @CommandHandler
    void tick(Tick tick) {
    }
}
