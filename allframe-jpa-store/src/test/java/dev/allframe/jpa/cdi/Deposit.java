package dev.allframe.jpa.cdi;

import dev.allframe.command.StreamId;

public record Deposit(@StreamId String walletId, long cents) {
}
