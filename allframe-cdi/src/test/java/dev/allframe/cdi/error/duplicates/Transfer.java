package dev.allframe.cdi.error.duplicates;

import dev.allframe.StreamId;

public record Transfer(@StreamId String id) {
}
