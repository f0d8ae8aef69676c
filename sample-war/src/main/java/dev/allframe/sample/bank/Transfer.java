package dev.allframe.sample.bank;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;

/** The transfer saga's input: move {@code amount} from account {@code from} to account {@code to}. */
public record Transfer(@NotNull String from, @NotNull String to, @NotNull @Positive BigDecimal amount) {

    /** The saga's name: {@link DebitSource} and {@link CreditTarget} are its steps. */
    public static final String SAGA = "transfer";
}
