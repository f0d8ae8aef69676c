package dev.allframe.jpa.versions;

import dev.allframe.command.StreamId;
import java.math.BigDecimal;

public record Withdraw(@StreamId String accountId, BigDecimal amount) {
}
