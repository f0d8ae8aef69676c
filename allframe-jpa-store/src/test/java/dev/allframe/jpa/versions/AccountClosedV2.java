package dev.allframe.jpa.versions;

import dev.allframe.event.EventType;
import dev.allframe.event.UpcastFrom;

@EventType(name = "AccountClosed", version = 2)
@UpcastFrom(AccountClosedV1.class)
public record AccountClosedV2(String accountId, String reason) {

    public AccountClosedV2(AccountClosedV1 old) {
        this(old.accountId(), "unknown");
    }
}
