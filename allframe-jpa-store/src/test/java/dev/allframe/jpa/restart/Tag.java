package dev.allframe.jpa.restart;

import dev.allframe.command.StreamId;

public record Tag(@StreamId String accountId, String tag) {
}
