package dev.allframe.jpa.versions;

import dev.allframe.event.EventType;
import dev.allframe.event.UpcastFrom;

@EventType(version = 3)
@UpcastFrom(AccountOpenedV2.class)
public record AccountOpened(String accountId, String owner, String currency) implements AccountEvent {

    public static AccountOpened from(AccountOpenedV2 old) {
        return new AccountOpened(old.accountId(), old.owner(), "EUR");
    }
}
