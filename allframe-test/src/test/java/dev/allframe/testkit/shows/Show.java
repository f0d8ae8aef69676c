package dev.allframe.testkit.shows;

import dev.allframe.command.Apply;
import dev.allframe.command.InitialState;

/** A show as its handlers see it. */
public record Show(boolean open, int seats, int reserved) {

    @InitialState
    static Show notOpen() {
        return new Show(false, 0, 0);
    }

    @Apply
    Show on(ShowOpened e) {
        return new Show(true, e.seats(), 0);
    }

    @Apply
    Show on(SeatReserved e) {
        return new Show(open, seats, reserved + 1);
    }

    @Apply
    Show on(ReservationCancelled e) {
        return new Show(open, seats, reserved - 1);
    }
}
