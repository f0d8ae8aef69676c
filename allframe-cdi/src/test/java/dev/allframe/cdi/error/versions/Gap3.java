package dev.allframe.cdi.error.versions;

import dev.allframe.event.EventType;

@EventType(name = "Gap", version = 3)
public record Gap3(String id) {
}
