package dev.allframe.cdi.error.duplicates;

import dev.allframe.command.StreamId;

public record Transfer(@StreamId String id) {
}
