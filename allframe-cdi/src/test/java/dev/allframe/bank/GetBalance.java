package dev.allframe.bank;

import dev.allframe.query.Query;
import java.math.BigDecimal;

public record GetBalance(String accountId) implements Query<BigDecimal> {
}
