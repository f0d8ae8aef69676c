package dev.allframe.cdi.error.versions;

import dev.allframe.event.EventType;

@EventType(name = "Fork", version = 1)
public record Fork1(String id) {
}
