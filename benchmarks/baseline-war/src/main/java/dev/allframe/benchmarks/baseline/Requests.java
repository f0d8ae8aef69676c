package dev.allframe.benchmarks.baseline;

import java.math.BigDecimal;

/** The request bodies, the same JSON as the sample's. */
public final class Requests {

    private Requests() {
    }

    /** {@code {"id": "A-1", "owner": "Ada"}} */
    public record Open(String id, String owner) {
    }

    /** {@code {"amount": 100.00}} */
    public record Amount(BigDecimal amount) {
    }

    /** {@code {"from": "A-1", "to": "B-2", "amount": 25}} */
    public record Transfer(String from, String to, BigDecimal amount) {
    }
}
