package dev.allframe.cdi.error.versions;

import dev.allframe.event.EventType;

@EventType(name = "Loop", version = 1)
public record Loop1(String id) {
}
