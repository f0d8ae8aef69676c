package dev.allframe.testkit.topics;

import dev.allframe.event.EventType;

/** Version 2: version 1 called the e-mail address "address". */
@EventType(name = "Subscribed", version = 2)
public record Subscribed(String topic, String email) {
}
