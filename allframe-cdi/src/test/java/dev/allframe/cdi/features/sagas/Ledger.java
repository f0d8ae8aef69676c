package dev.allframe.cdi.features.sagas;

import dev.allframe.Handlers;
import dev.allframe.command.CommandHandler;

@Handlers
public class Ledger {

    @CommandHandler
    Posted post(Post command) {
        return new Posted(command.account(), command.amount());
    }
}
