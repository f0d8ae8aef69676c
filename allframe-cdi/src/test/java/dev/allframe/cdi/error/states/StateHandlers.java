package dev.allframe.cdi.error.states;

import dev.allframe.Handlers;
import dev.allframe.command.CommandHandler;

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

    @CommandHandler
    void f(Command command, ZeroVersion state) {
    }
}
