package dev.allframe.bank;

import java.math.BigDecimal;

/** The transfer saga's input, as the README writes it. */
public record Transfer(String from, String to, BigDecimal amount) {
}
