package dev.allframe.cdi.error.eventtypes;

import dev.allframe.event.EventType;

@EventType(name = "opened")
public record Created(String id) {
}
