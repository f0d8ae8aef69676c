package dev.allframe.cdi.features;

import dev.allframe.StreamId;

public record Ping(@StreamId String id) {
}
