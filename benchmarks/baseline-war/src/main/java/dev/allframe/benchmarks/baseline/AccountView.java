package dev.allframe.benchmarks.baseline;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;

/** An account as clients see it; the same JSON as the sample's. */
@JsonbPropertyOrder({"id", "owner", "balance"})
public record AccountView(String id, String owner, BigDecimal balance) {
}
