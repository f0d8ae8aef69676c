package dev.allframe.cdi.error.versions;

import dev.allframe.command.StreamId;

public record MakeGap(@StreamId String id) {
}
