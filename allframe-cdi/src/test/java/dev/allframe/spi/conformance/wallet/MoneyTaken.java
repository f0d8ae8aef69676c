package dev.allframe.spi.conformance.wallet;

import java.math.BigDecimal;

public record MoneyTaken(String walletId, BigDecimal amount) {
}
