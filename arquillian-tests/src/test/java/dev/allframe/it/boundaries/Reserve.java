package dev.allframe.it.boundaries;

import dev.allframe.command.StreamId;
import dev.allframe.event.Tag;

/** Reserves a place in a room, for a guest: decided over the room's reservations, across the guests' streams. */
public record Reserve(@StreamId String guest, @Tag("room") String room) {
}
