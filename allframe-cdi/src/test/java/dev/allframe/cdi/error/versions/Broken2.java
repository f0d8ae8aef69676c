package dev.allframe.cdi.error.versions;

import dev.allframe.event.EventType;
import dev.allframe.event.UpcastFrom;

@EventType(name = "Broken", version = 2)
@UpcastFrom(Fork1.class)
public record Broken2(String id) {
}
