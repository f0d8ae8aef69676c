package dev.allframe.spi.conformance.wallet;

public record WalletOpened(String walletId) {
}
