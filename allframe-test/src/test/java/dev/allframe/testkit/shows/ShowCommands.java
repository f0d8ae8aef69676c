package dev.allframe.testkit.shows;

import dev.allframe.Handlers;
import dev.allframe.command.CommandHandler;
import dev.allframe.command.CommandRejectedException;

@Handlers
public class ShowCommands {

    @CommandHandler
    ShowOpened open(OpenShow command, Show show) {
        if (show.open()) {
            throw new CommandRejectedException("show " + command.showId() + " is open already");
        }
        return new ShowOpened(command.showId(), command.seats());
    }

    @CommandHandler
    SeatReserved reserve(Reserve command, Show show) {
        if (!show.open()) {
            throw new CommandRejectedException("show " + command.showId() + " is not open");
        }
        if (show.reserved() >= show.seats()) {
            throw new CommandRejectedException("show " + command.showId() + " is sold out");
        }
        return new SeatReserved(command.showId(), command.guest());
    }

    @CommandHandler
    ReservationCancelled cancel(Cancel command, Show show) {
        return new ReservationCancelled(command.showId(), command.guest());
    }
}
