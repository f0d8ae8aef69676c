package dev.allframe.jpa.versions;

import dev.allframe.event.EventType;

@EventType(name = "Deposited", version = 1)
public record DepositedV1(String accountId, long cents) {
}
