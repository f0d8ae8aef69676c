package dev.allframe.cdi.error.phases;

import dev.allframe.command.StreamId;

public record Pay(@StreamId String id) {
}
