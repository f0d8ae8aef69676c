package dev.allframe.jpa.restart;

public record Credited(String accountId, long cents) {
}
