package dev.allframe.cdi.error.states;

import dev.allframe.StreamId;

public record Command(@StreamId String id) {
}
