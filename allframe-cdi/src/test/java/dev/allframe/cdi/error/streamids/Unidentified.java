package dev.allframe.cdi.error.streamids;

public record Unidentified(String accountId) {
}
