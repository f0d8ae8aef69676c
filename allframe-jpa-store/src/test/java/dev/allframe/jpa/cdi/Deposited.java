package dev.allframe.jpa.cdi;

public record Deposited(String walletId, long cents) implements WalletEvent {
}
