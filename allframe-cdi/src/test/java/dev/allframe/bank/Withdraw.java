package dev.allframe.bank;

import dev.allframe.command.StreamId;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;

public record Withdraw(@StreamId String accountId, @NotNull @Positive BigDecimal amount) {
}
