package dev.allframe.benchmarks.baseline;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;

/** A transfer as clients see it; the same JSON as the sample's. */
@JsonbPropertyOrder({"id", "from", "to", "amount", "outcome"})
public record TransferView(String id, String from, String to, BigDecimal amount, String outcome) {
}
