package dev.allframe.spi.conformance.wallet;

import dev.allframe.event.EventType;
import dev.allframe.event.UpcastFrom;
import java.math.BigDecimal;

/** Money added, version 2: an amount; version 1 counted cents. */
@EventType(version = 2)
@UpcastFrom(MoneyAddedInCents.class)
public record MoneyAdded(String walletId, BigDecimal amount) {

    public static MoneyAdded from(MoneyAddedInCents old) {
        return new MoneyAdded(old.walletId(), BigDecimal.valueOf(old.cents(), 2));
    }
}
