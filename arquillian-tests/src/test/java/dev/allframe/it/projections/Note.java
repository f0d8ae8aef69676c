package dev.allframe.it.projections;

import dev.allframe.command.StreamId;

public record Note(@StreamId String board, String text) {
}
