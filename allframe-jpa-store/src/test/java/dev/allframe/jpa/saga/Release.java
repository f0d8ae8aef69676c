package dev.allframe.jpa.saga;

import dev.allframe.command.StreamId;

public record Release(@StreamId String account, int amount) {
}
