package dev.allframe.liberty.feature.app;

import dev.allframe.command.StreamId;

public record Ping(@StreamId String target) {
}
