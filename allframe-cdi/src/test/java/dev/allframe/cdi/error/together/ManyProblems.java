package dev.allframe.cdi.error.together;

import dev.allframe.Handlers;
import dev.allframe.command.CommandHandler;
import java.util.List;

@Handlers
public class ManyProblems {

    @CommandHandler
    List<Object> move(Move move, Object state) {
        return List.of();
    }

    @CommandHandler
    long count(Move move) {
        return 0;
    }
}
