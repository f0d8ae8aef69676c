package dev.allframe.jpa.saga;

import dev.allframe.command.StreamId;

public record Hold(@StreamId String account, int amount) {
}
