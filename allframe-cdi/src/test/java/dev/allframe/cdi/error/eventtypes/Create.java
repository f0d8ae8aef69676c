package dev.allframe.cdi.error.eventtypes;

import dev.allframe.command.StreamId;

public record Create(@StreamId String id) {
}
