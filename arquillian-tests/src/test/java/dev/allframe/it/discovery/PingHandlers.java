package dev.allframe.it.discovery;

import dev.allframe.Handlers;
import dev.allframe.command.CommandHandler;

/** Its only bean-defining annotation is AllFrame's {@code @Handlers} stereotype. */
@Handlers
public class PingHandlers {

    @CommandHandler
    Pinged ping(Ping command) {
        return new Pinged(command.channel());
    }
}
