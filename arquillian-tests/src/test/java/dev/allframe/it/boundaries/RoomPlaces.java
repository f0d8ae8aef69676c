package dev.allframe.it.boundaries;

import dev.allframe.command.Apply;
import dev.allframe.command.DecisionModel;

/** How many places of a room are reserved. */
@DecisionModel(tags = "room")
public record RoomPlaces(int reserved) {

    public RoomPlaces() {
        this(0);
    }

    @Apply
    RoomPlaces on(Reserved reservation) {
        return new RoomPlaces(reserved + 1);
    }
}
