package dev.allframe.liberty.feature.app;

import dev.allframe.command.StreamId;

public record Echo(@StreamId String channel, String text) {
}
