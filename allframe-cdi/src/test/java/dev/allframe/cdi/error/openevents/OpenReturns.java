package dev.allframe.cdi.error.openevents;

import dev.allframe.Handlers;
import dev.allframe.command.CommandHandler;
import java.util.List;
import java.util.Set;

/** Handlers whose return types let them store events of classes nothing names. */
@Handlers
public class OpenReturns {

    @CommandHandler
    Note one(Command.One command) {
        return new Noted(command.id());
    }

    @CommandHandler
    BaseEvent two(Command.Two command) {
        return null;
    }

    @CommandHandler
    List<Object> three(Command.Three command) {
        return List.of(new Noted(command.id()));
    }

    @SuppressWarnings("rawtypes")
    @CommandHandler
    List four(Command.Four command) {
        return List.of();
    }

    @CommandHandler
    Set<? extends Note> five(Command.Five command) {
        return Set.of();
    }

    @CommandHandler
    List<Entry> six(Command.Six command) {
        return List.of();
    }

    @CommandHandler
    List<String> seven(Command.Seven command) {
        return List.of();
    }
}
