package dev.allframe.it.discovery;

import dev.allframe.StreamId;

public record Ping(@StreamId String channel) {
}
