package dev.allframe.liberty.feature.flow;

import dev.allframe.Handlers;
import dev.allframe.command.CommandHandler;

@Handlers
public class OrderHandlers {

    @CommandHandler
    Placed place(Place command) {
        return new Placed(command.order(), command.amount());
    }
}
