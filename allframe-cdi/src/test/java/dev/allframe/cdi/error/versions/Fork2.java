package dev.allframe.cdi.error.versions;

import dev.allframe.event.EventType;

@EventType(name = "Fork", version = 2)
public record Fork2(String id) {
}
