package dev.allframe.it.error;

import dev.allframe.command.StreamId;

public record Transfer(@StreamId String accountId) {
}
