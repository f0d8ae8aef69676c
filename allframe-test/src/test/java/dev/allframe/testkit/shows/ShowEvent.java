package dev.allframe.testkit.shows;

/** What happens to a show. */
public sealed interface ShowEvent permits ShowOpened, SeatReserved, ReservationCancelled {

    String showId();
}
