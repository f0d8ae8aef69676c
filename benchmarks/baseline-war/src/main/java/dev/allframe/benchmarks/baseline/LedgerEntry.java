package dev.allframe.benchmarks.baseline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** What happened to an account: the row the sample's event is to the baseline. */
@Entity
@Table(name = "baseline_ledger")
public class LedgerEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false, length = 36)
    private String accountId;

    @Column(nullable = false, length = 16)
    private String kind;

    @Column(precision = 19, scale = 2)
    private BigDecimal amount;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected LedgerEntry() {
    }

    LedgerEntry(String accountId, String kind, BigDecimal amount) {
        this.accountId = accountId;
        this.kind = kind;
        this.amount = amount;
        this.recordedAt = Instant.now();
    }
}
