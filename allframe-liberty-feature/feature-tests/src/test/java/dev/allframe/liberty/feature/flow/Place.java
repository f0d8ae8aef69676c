package dev.allframe.liberty.feature.flow;

import dev.allframe.command.StreamId;

public record Place(@StreamId String order, int amount) {
}
