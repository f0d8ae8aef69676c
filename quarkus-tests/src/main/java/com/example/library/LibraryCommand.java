package com.example.library;

import dev.allframe.command.StreamId;
import jakarta.validation.constraints.NotBlank;

public sealed interface LibraryCommand {
    record Register(@StreamId @NotBlank String isbn, @NotBlank String title) implements LibraryCommand {}
    record Lend(@StreamId String isbn, @NotBlank String reader) implements LibraryCommand {}
    record GiveBack(@StreamId String isbn) implements LibraryCommand {}
}
