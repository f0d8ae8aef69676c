package dev.allframe.sample.bank;

import dev.allframe.command.StreamId;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;

/** Puts {@code amount} into the account. */
public record Deposit(
        @StreamId @NotNull String accountId,
        @NotNull @Positive @Digits(integer = 12, fraction = 2, message = "must have at most 12 digits before the point and 2 after it")
        BigDecimal amount) {
}
