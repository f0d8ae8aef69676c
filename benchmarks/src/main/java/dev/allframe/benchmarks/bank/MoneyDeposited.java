package dev.allframe.benchmarks.bank;

public record MoneyDeposited(String accountId, long amountCents) {
}
