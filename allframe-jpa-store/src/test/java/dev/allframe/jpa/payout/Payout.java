package dev.allframe.jpa.payout;

public record Payout(String from, String to, int amount) {
}
