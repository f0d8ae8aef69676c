package dev.allframe.cdi.error.versions;

import dev.allframe.event.EventType;

@EventType(name = "Gap", version = 2)
public record Gap2(String id) {
}
