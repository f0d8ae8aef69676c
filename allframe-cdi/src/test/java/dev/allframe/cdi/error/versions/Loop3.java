package dev.allframe.cdi.error.versions;

import dev.allframe.event.EventType;

@EventType(name = "Loop", version = 3)
public record Loop3(String id) {
}
