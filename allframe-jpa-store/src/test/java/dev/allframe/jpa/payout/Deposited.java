package dev.allframe.jpa.payout;

public record Deposited(String account, int amount) {
}
