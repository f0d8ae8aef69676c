package dev.allframe.cdi.error.versions;

import dev.allframe.event.EventType;

@EventType(name = "Loop", version = 2)
public record Loop2(String id) {
}
