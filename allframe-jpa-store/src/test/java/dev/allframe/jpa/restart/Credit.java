package dev.allframe.jpa.restart;

import dev.allframe.command.StreamId;

public record Credit(@StreamId String accountId, long cents) {
}
