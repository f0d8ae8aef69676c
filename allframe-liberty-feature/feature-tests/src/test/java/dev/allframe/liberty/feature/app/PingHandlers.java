package dev.allframe.liberty.feature.app;

import dev.allframe.Handlers;
import dev.allframe.command.CommandHandler;

/** Found only through {@code @Handlers}, which the feature registers as bean-defining: the WAR has no beans.xml. */
@Handlers
public class PingHandlers {

    @CommandHandler
    Pinged ping(Ping command, PingCount state) {
        return new Pinged(command.target(), state.count() + 1);
    }
}
