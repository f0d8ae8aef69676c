package dev.allframe.cdi.error.eventtypes;

import dev.allframe.StreamId;

public record Create(@StreamId String id) {
}
