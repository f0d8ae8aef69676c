package dev.allframe.jpa.payout;

public record Withdrawn(String account, int amount) {
}
