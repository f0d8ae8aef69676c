package dev.allframe.jpa.versions;

import dev.allframe.event.EventType;

@EventType(name = "AccountClosed", version = 1)
public record AccountClosedV1(String accountId) {
}
