package dev.allframe.jpa.payout;

import dev.allframe.command.StreamId;

public record Deposit(@StreamId String account, int amount) {
}
