package dev.allframe.it.projections;

import dev.allframe.StreamId;

public record Note(@StreamId String board, String text) {
}
