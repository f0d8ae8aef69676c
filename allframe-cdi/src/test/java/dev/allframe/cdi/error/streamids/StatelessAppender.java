package dev.allframe.cdi.error.streamids;

import dev.allframe.Handlers;
import dev.allframe.command.CommandHandler;

@Handlers
public class StatelessAppender {

    record Note(String text) {
    }

    @CommandHandler
    Balance appendsSomewhere(Note command) {
        return new Balance(1);
    }
}
