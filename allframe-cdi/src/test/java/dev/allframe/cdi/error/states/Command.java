package dev.allframe.cdi.error.states;

import dev.allframe.command.StreamId;

public record Command(@StreamId String id) {
}
