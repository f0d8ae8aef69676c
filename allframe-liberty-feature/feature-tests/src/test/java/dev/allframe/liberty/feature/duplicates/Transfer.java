package dev.allframe.liberty.feature.duplicates;

import dev.allframe.StreamId;

public record Transfer(@StreamId String id) {
}
