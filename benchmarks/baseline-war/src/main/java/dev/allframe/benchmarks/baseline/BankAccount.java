package dev.allframe.benchmarks.baseline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** An account's current state, a row updated in place. */
@Entity
@Table(name = "baseline_accounts")
public class BankAccount {

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false)
    private String owner;

    @Column(nullable = false, precision = 19, scale = 2)
    private BigDecimal balance;

    protected BankAccount() {
    }

    BankAccount(String id, String owner) {
        this.id = id;
        this.owner = owner;
        this.balance = BigDecimal.ZERO;
    }

    void add(BigDecimal amount) {
        balance = balance.add(amount);
    }

    boolean covers(BigDecimal amount) {
        return balance.compareTo(amount) >= 0;
    }

    AccountView view() {
        return new AccountView(id, owner, balance);
    }
}
