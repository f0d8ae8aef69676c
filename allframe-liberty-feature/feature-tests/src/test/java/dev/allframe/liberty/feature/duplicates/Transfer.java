package dev.allframe.liberty.feature.duplicates;

import dev.allframe.command.StreamId;

public record Transfer(@StreamId String id) {
}
