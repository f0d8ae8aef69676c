package dev.allframe.liberty.feature.duplicates;

import dev.allframe.command.CommandHandler;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class SecondHandlers {

    @CommandHandler
    void moveMoney(Transfer command) {
    }
}
