package com.example.library;

import dev.allframe.Handlers;
import dev.allframe.command.CommandHandler;
import dev.allframe.command.CommandRejectedException;

@Handlers
public class BookHandlers {

    @CommandHandler(createsStream = true)
    LibraryEvent register(LibraryCommand.Register command) {
        return new LibraryEvent.Registered(command.isbn(), command.title());
    }

    @CommandHandler
    LibraryEvent lend(LibraryCommand.Lend command, Book book) {
        if (!book.registered()) throw new CommandRejectedException("no book " + command.isbn());
        if (book.reader() != null) throw new CommandRejectedException(command.isbn() + " is lent to " + book.reader());
        return new LibraryEvent.Lent(command.isbn(), command.reader());
    }

    @CommandHandler
    LibraryEvent giveBack(LibraryCommand.GiveBack command, Book book) {
        if (book.reader() == null) throw new CommandRejectedException(command.isbn() + " is not lent");
        return new LibraryEvent.Returned(command.isbn(), book.reader());
    }
}
