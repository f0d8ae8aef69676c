package dev.allframe.cdi.error.streamids;

import dev.allframe.Handlers;
import dev.allframe.command.CommandHandler;
import java.util.List;

@Handlers
public class StreamIdHandlers {

    @CommandHandler
    List<Object> stateful(Unidentified command, Balance balance) {
        return List.of();
    }

    @CommandHandler
    void appends(TwoIds command) {
    }

    @CommandHandler
    void bad(BadIdMethod command) {
    }
}
