package dev.allframe.liberty.feature.app;

import dev.allframe.command.CommandHandler;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class EchoHandlers {

    @CommandHandler
    Echoed echo(Echo command) {
        return new Echoed(command.channel(), command.text());
    }
}
