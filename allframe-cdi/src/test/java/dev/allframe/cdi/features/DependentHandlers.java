package dev.allframe.cdi.features;

import dev.allframe.command.CommandHandler;
import jakarta.enterprise.context.Dependent;

@Dependent
public class DependentHandlers {

    @CommandHandler
    Pinged ping(Ping ping) {
        return new Pinged(ping.id(), Thread.currentThread().getName());
    }
}
