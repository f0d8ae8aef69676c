package dev.allframe.it.config;

import dev.allframe.command.StreamId;

/** Handled with the counter's state, so AllFrame retries it on concurrency conflicts. */
public record Increment(@StreamId String counterId) {
}
