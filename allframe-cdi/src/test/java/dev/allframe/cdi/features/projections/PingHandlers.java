package dev.allframe.cdi.features.projections;

import dev.allframe.Handlers;
import dev.allframe.command.CommandHandler;

@Handlers
public class PingHandlers {

    @CommandHandler
    Pinged ping(Ping ping) {
        return new Pinged(ping.id(), ping.text());
    }
}
