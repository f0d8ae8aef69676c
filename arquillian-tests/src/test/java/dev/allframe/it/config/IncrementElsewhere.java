package dev.allframe.it.config;

import dev.allframe.command.StreamId;

/** Handled without state: appends whatever the stream's version, like a concurrent writer. */
public record IncrementElsewhere(@StreamId String counterId) {
}
