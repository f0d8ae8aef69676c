package dev.allframe.sample.bank;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;

/** An account as clients see it. */
@JsonbPropertyOrder({"id", "owner", "balance"})
public record AccountView(String id, String owner, BigDecimal balance) {

    /** The view after {@code event}; {@code view} is {@code null} before the account's first event. */
    static AccountView next(AccountView view, AccountEvent event) {
        if (event instanceof AccountOpened opened) {
            return new AccountView(opened.accountId(), opened.owner(), BigDecimal.ZERO);
        }
        if (event instanceof MoneyDeposited deposited) {
            return new AccountView(view.id, view.owner, view.balance.add(deposited.amount()));
        }
        if (event instanceof MoneyWithdrawn withdrawn) {
            return new AccountView(view.id, view.owner, view.balance.subtract(withdrawn.amount()));
        }
        throw new IllegalArgumentException("Unknown account event " + event);
    }
}
