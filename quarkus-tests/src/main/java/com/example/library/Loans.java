package com.example.library;

import dev.allframe.projection.EventHandler;
import dev.allframe.projection.Projection;
import dev.allframe.query.Query;
import dev.allframe.query.QueryHandler;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Who has which book, kept in memory and rebuilt from the log at start. */
@Projection("loans")
public class Loans {

    public record ReaderOf(String isbn) implements Query<Optional<String>> {}

    private final Map<String, String> readers = new ConcurrentHashMap<>();

    @EventHandler
    void lent(LibraryEvent.Lent e) { readers.put(e.isbn(), e.reader()); }

    @EventHandler
    void returned(LibraryEvent.Returned e) { readers.remove(e.isbn()); }

    @QueryHandler
    Optional<String> readerOf(ReaderOf query) { return Optional.ofNullable(readers.get(query.isbn())); }
}
