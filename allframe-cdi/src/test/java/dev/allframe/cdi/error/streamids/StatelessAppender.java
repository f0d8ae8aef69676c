package dev.allframe.cdi.error.streamids;

import dev.allframe.command.CommandHandler;
import dev.allframe.Handlers;

@Handlers
public class StatelessAppender {

    record Note(String text) {
    }

    @CommandHandler
    Balance appendsSomewhere(Note command) {
        return new Balance(1);
    }
}
