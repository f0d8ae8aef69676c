package dev.allframe.cdi.error.boundaries;

import dev.allframe.Handlers;
import dev.allframe.command.CommandHandler;

@Handlers
public class BoundaryHandlers {

    @CommandHandler
    Enrolled a(Enrol command, Seats seats, PlainState plain) {
        return null;
    }

    @CommandHandler
    Enrolled b(Enrol command, NeedsTeacher model) {
        return null;
    }

    @CommandHandler
    Enrolled c(Twice command, Seats seats) {
        return null;
    }

    @CommandHandler
    Enrolled d(Enrol command, NoApply model) {
        return null;
    }
}
