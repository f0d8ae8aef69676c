package dev.allframe.it.discovery;

import dev.allframe.command.StreamId;

public record Ping(@StreamId String channel) {
}
