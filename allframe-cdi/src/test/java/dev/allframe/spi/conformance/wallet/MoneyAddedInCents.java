package dev.allframe.spi.conformance.wallet;

import dev.allframe.event.EventType;

/** Version 1 of {@link MoneyAdded}, which code that was not updated still emits. */
@EventType(name = "MoneyAdded", version = 1)
public record MoneyAddedInCents(String walletId, long cents) {
}
