package com.example.library;

import dev.allframe.command.CommandBus;
import dev.allframe.command.CommandResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Lends a book in the caller's transaction, with other work that may fail after the dispatch. */
@ApplicationScoped
public class Desk {

    @Inject
    CommandBus commands;

    @Transactional
    public CommandResult lendThen(LibraryCommand.Lend lend, Runnable afterwards) {
        CommandResult result = commands.dispatch(lend);
        afterwards.run();
        return result;
    }
}
