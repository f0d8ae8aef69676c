package dev.allframe.sample.bank;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** The transfer saga's input: move {@code amount} from account {@code from} to account {@code to}. */
public record Transfer(
        @NotNull @Size(max = 36, message = "must be at most 36 characters") String from,
        @NotNull @Size(max = 36, message = "must be at most 36 characters") String to,
        @NotNull @Positive @Digits(integer = 12, fraction = 2, message = "must have at most 12 digits before the point and 2 after it")
        BigDecimal amount) {

    /** The saga's name: {@link DebitSource} and {@link CreditTarget} are its steps. */
    public static final String SAGA = "transfer";
}
