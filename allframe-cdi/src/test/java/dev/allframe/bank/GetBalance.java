package dev.allframe.bank;

import dev.allframe.Query;
import java.math.BigDecimal;

public record GetBalance(String accountId) implements Query<BigDecimal> {
}
