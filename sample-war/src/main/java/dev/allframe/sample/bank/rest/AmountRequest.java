package dev.allframe.sample.bank.rest;

import java.math.BigDecimal;

/** The body of a deposit or a withdrawal: {@code {"amount": 100.00}}. */
public record AmountRequest(BigDecimal amount) {
}
