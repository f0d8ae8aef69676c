package dev.allframe.bank;

import java.math.BigDecimal;

public record MoneyDeposited(String accountId, BigDecimal amount) implements AccountEvent {
}
