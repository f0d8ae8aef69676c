package dev.allframe.it.boundaries;

import dev.allframe.event.Tag;

public record Reserved(@Tag("room") String room, @Tag("guest") String guest) {
}
