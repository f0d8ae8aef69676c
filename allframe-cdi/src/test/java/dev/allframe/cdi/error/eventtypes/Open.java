package dev.allframe.cdi.error.eventtypes;

import dev.allframe.StreamId;

public record Open(@StreamId String id) {
}
