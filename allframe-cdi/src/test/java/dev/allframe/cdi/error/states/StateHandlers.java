package dev.allframe.cdi.error.states;

import dev.allframe.command.CommandHandler;
import dev.allframe.Handlers;

@Handlers
public class StateHandlers {

    @CommandHandler
    void a(Command command, NoWayToStart state) {
    }

    @CommandHandler
    void b(Command command, BadMethods state) {
    }

    @CommandHandler
    void c(Command command, TwoStarts state) {
    }

    @CommandHandler(createsStream = true)
    void d(Command command, Good state) {
    }

    @CommandHandler
    void e(Command command, int state) {
    }
}
