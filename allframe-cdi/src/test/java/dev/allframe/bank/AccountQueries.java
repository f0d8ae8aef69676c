package dev.allframe.bank;

import dev.allframe.EventEnvelope;
import dev.allframe.Handlers;
import dev.allframe.query.QueryHandler;
import dev.allframe.spi.event.EventStore;
import jakarta.inject.Inject;
import java.math.BigDecimal;

@Handlers
public class AccountQueries {

    @Inject
    EventStore store;

    @QueryHandler
    BigDecimal balance(GetBalance query) {
        BigDecimal balance = BigDecimal.ZERO;
        for (EventEnvelope envelope : store.readStream(query.accountId(), 1, Integer.MAX_VALUE)) {
            if (envelope.event() instanceof MoneyDeposited d) {
                balance = balance.add(d.amount());
            } else if (envelope.event() instanceof MoneyWithdrawn w) {
                balance = balance.subtract(w.amount());
            }
        }
        return balance;
    }
}
