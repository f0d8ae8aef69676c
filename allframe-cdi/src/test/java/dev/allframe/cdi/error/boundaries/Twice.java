package dev.allframe.cdi.error.boundaries;

import dev.allframe.command.StreamId;
import dev.allframe.event.Tag;

public record Twice(@StreamId @Tag("course") String first, @Tag("course") String second) {
}
