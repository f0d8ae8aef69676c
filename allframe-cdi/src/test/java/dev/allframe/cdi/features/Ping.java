package dev.allframe.cdi.features;

import dev.allframe.command.StreamId;

public record Ping(@StreamId String id) {
}
