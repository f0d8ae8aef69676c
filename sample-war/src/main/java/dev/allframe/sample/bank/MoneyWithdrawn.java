package dev.allframe.sample.bank;

import java.math.BigDecimal;

public record MoneyWithdrawn(String accountId, BigDecimal amount) implements AccountEvent {
}
