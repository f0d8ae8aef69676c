package com.example.library;

import dev.allframe.command.Apply;
import dev.allframe.command.InitialState;

/** A book as its stream tells: registered or not, and who has it. */
public record Book(boolean registered, String reader) {

    @InitialState
    static Book unknown() {
        return new Book(false, null);
    }

    @Apply
    Book on(LibraryEvent.Registered e) { return new Book(true, null); }

    @Apply
    Book on(LibraryEvent.Lent e) { return new Book(true, e.reader()); }

    @Apply
    Book on(LibraryEvent.Returned e) { return new Book(true, null); }
}
