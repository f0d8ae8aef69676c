package dev.allframe.cdi.features.projections;

import dev.allframe.command.CommandHandler;
import dev.allframe.Handlers;

@Handlers
public class PingHandlers {

    @CommandHandler
    Pinged ping(Ping ping) {
        return new Pinged(ping.id(), ping.text());
    }
}
