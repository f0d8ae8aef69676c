package dev.allframe.cdi.error.config;

import dev.allframe.command.CommandHandler;
import dev.allframe.Handlers;

@Handlers
public class TickHandler {

    @CommandHandler
    void tick(Tick tick) {
    }
}
