package dev.allframe.liberty.feature.flow;

import dev.allframe.command.CommandHandler;
import dev.allframe.Handlers;

@Handlers
public class OrderHandlers {

    @CommandHandler
    Placed place(Place command) {
        return new Placed(command.order(), command.amount());
    }
}
