package dev.allframe.jpa.cdi;

public record Spent(String walletId, long cents) implements WalletEvent {
}
