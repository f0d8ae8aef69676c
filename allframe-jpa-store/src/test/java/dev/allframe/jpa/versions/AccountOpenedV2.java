package dev.allframe.jpa.versions;

import dev.allframe.event.EventType;

/** Last year's shape of AccountOpened; version 1's class no longer exists (see {@link LegacyJson}). */
@EventType(name = "AccountOpened", version = 2)
public record AccountOpenedV2(String accountId, String owner) {
}
