package dev.allframe.sample.bank.rest;

import java.math.BigDecimal;

/** The body of {@code POST /transfers}: {@code {"from": "A-1", "to": "B-2", "amount": 25}}. */
public record TransferRequest(String from, String to, BigDecimal amount) {
}
