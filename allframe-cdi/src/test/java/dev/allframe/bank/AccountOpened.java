package dev.allframe.bank;

public record AccountOpened(String accountId, String owner) implements AccountEvent {
}
