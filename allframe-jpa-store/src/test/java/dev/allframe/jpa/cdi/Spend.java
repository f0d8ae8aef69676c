package dev.allframe.jpa.cdi;

import dev.allframe.StreamId;

public record Spend(@StreamId String walletId, long cents) {
}
