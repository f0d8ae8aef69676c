package dev.allframe.benchmarks.bank;

public record AccountOpened(String accountId, String owner) {
}
