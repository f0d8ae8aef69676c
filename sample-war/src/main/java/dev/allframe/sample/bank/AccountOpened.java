package dev.allframe.sample.bank;

public record AccountOpened(String accountId, String owner) implements AccountEvent {
}
