package dev.allframe.cdi.features.capabilities;

import dev.allframe.command.StreamId;

public record Ping(@StreamId String id) {
}
