package dev.allframe.jpa.saga;

import dev.allframe.Handlers;
import dev.allframe.command.CommandHandler;

@Handlers
public class Accounts {

    @CommandHandler
    Held hold(Hold command) {
        return new Held(command.account(), command.amount());
    }

    @CommandHandler
    Released release(Release command) {
        return new Released(command.account(), command.amount());
    }

    @CommandHandler
    Cancelled cancel(Cancel command) {
        return new Cancelled(command.shipment());
    }
}
