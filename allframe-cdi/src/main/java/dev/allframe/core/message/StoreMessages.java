package dev.allframe.core.message;

import dev.allframe.AllFrameMessage;
import dev.allframe.MessageTemplate;

/** The event store AllFrame uses and the roles it supports. */
public final class StoreMessages {

    static final MessageTemplate AF1155 = new MessageTemplate("AF1155",
            "The application defines an EventStore bean, but no single one resolves for AllFrame's buses");

    private StoreMessages() {
    }

    public static AllFrameMessage applicationEventStoreUnresolvable() {
        return AF1155.with();
    }
}
