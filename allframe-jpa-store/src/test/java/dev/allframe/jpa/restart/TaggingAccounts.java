package dev.allframe.jpa.restart;

import dev.allframe.Handlers;
import dev.allframe.command.CommandHandler;

@Handlers
public class TaggingAccounts {

    @CommandHandler
    Credited credit(Credit command, Balance balance) {
        return new Credited(command.accountId(), command.cents());
    }

    @CommandHandler
    AccountNote tag(Tag command) {
        return new AccountTagged(command.accountId(), command.tag());
    }
}
