package dev.allframe.sample.bank;

import dev.allframe.command.StreamId;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;

/** Puts {@code amount} into the account. */
public record Deposit(@StreamId @NotNull String accountId, @NotNull @Positive BigDecimal amount) {
}
