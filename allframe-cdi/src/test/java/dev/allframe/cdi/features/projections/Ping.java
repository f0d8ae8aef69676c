package dev.allframe.cdi.features.projections;

import dev.allframe.command.StreamId;

public record Ping(@StreamId String id, String text) {
}
