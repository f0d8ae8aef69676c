package dev.allframe.liberty.feature.app;

import dev.allframe.StreamId;

public record Ping(@StreamId String target) {
}
