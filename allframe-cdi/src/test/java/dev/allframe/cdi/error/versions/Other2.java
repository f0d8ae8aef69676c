package dev.allframe.cdi.error.versions;

import dev.allframe.event.EventType;

@EventType(name = "Other", version = 2)
public record Other2(String id) {
}
