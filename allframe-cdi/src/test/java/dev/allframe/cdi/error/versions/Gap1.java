package dev.allframe.cdi.error.versions;

import dev.allframe.event.EventType;

@EventType(name = "Gap", version = 1)
public record Gap1(String id) {
}
