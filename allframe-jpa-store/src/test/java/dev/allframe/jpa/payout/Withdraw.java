package dev.allframe.jpa.payout;

import dev.allframe.command.StreamId;

public record Withdraw(@StreamId String account, int amount) {
}
