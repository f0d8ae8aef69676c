package dev.allframe.jpa.cdi;

public sealed interface WalletEvent permits Deposited, Spent {
}
