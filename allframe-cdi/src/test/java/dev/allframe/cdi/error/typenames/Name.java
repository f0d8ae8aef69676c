package dev.allframe.cdi.error.typenames;

import dev.allframe.command.StreamId;

public record Name(@StreamId String id) {
}
