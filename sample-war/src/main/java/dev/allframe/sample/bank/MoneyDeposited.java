package dev.allframe.sample.bank;

import java.math.BigDecimal;

public record MoneyDeposited(String accountId, BigDecimal amount) implements AccountEvent {
}
