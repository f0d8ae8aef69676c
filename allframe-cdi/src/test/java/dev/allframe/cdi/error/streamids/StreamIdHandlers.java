package dev.allframe.cdi.error.streamids;

import dev.allframe.Handlers;
import dev.allframe.command.CommandHandler;

@Handlers
public class StreamIdHandlers {

    @CommandHandler
    void stateful(Unidentified command, Balance balance) {
    }

    @CommandHandler
    void appends(TwoIds command) {
    }

    @CommandHandler
    void bad(BadIdMethod command) {
    }
}
