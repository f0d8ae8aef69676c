package dev.allframe.jpa.versions;

import dev.allframe.event.EventType;
import java.math.BigDecimal;

@EventType(version = 3)
public record Deposited(String accountId, BigDecimal amount, String currency) implements AccountEvent {
}
