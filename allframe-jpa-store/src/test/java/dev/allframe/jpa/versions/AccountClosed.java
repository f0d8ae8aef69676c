package dev.allframe.jpa.versions;

import dev.allframe.event.EventType;
import dev.allframe.event.UpcastFrom;

@EventType(version = 3)
@UpcastFrom(AccountClosedV2.class)
public record AccountClosed(String accountId, String reason, boolean refunded) implements AccountEvent {

    public static AccountClosed from(AccountClosedV2 old) {
        return new AccountClosed(old.accountId(), old.reason(), false);
    }
}
