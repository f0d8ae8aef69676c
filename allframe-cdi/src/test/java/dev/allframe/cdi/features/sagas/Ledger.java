package dev.allframe.cdi.features.sagas;

import dev.allframe.command.CommandHandler;
import dev.allframe.Handlers;

@Handlers
public class Ledger {

    @CommandHandler
    Posted post(Post command) {
        return new Posted(command.account(), command.amount());
    }
}
