package dev.allframe.liberty.feature.flow;

import dev.allframe.StreamId;

public record Place(@StreamId String order, int amount) {
}
