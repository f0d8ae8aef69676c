package dev.allframe.cdi.error.signatures;

import dev.allframe.command.StreamId;

public record Ping(@StreamId String id) {
}
