package dev.allframe.jpa.cdi;

import dev.allframe.command.StreamId;

public record Spend(@StreamId String walletId, long cents) {
}
