package dev.allframe.jpa.cdi;

import dev.allframe.StreamId;

public record Deposit(@StreamId String walletId, long cents) {
}
