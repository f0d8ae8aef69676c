package dev.allframe.jpa.versions;

import dev.allframe.event.EventType;
import java.math.BigDecimal;

@EventType(name = "Deposited", version = 2)
public record DepositedV2(String accountId, BigDecimal amount) {
}
