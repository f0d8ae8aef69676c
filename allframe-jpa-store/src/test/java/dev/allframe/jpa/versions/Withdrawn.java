package dev.allframe.jpa.versions;

import dev.allframe.event.EventType;
import java.math.BigDecimal;

/** Versions 1 and 2 exist only as stored JSON, brought up by {@link LegacyJson}. */
@EventType(version = 3)
public record Withdrawn(String accountId, BigDecimal amount, String reference) implements AccountEvent {
}
