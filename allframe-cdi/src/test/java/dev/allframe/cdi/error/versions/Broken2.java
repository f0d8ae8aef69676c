package dev.allframe.cdi.error.versions;

import dev.allframe.EventType;
import dev.allframe.UpcastFrom;

@EventType(name = "Broken", version = 2)
@UpcastFrom(Fork1.class)
public record Broken2(String id) {
}
