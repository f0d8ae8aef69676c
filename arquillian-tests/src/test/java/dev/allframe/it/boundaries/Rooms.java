package dev.allframe.it.boundaries;

import dev.allframe.Handlers;
import dev.allframe.command.CommandHandler;
import dev.allframe.command.CommandRejectedException;

/** Every room has three places. */
@Handlers
public class Rooms {

    static final int PLACES = 3;

    @CommandHandler
    Reserved reserve(Reserve command, RoomPlaces places) {
        if (places.reserved() >= PLACES) {
            throw new CommandRejectedException("room " + command.room() + " is full");
        }
        return new Reserved(command.room(), command.guest());
    }
}
