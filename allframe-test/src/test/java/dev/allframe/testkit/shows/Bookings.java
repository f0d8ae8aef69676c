package dev.allframe.testkit.shows;

import dev.allframe.projection.EventHandler;
import dev.allframe.projection.Projection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The guests of each show, kept by an async projection; a guest called "crash" makes it fail. */
@Projection("bookings")
public class Bookings {

    private final Map<String, List<String>> guests = new HashMap<>();

    @EventHandler
    synchronized void on(SeatReserved event) {
        if (event.guest().equals("crash")) {
            throw new IllegalStateException("cannot book a crash");
        }
        guests.computeIfAbsent(event.showId(), id -> new ArrayList<>()).add(event.guest());
    }

    @EventHandler
    synchronized void on(ReservationCancelled event) {
        guests.getOrDefault(event.showId(), new ArrayList<>()).remove(event.guest());
    }

    synchronized void reset() {
        guests.clear();
    }

    public synchronized List<String> guests(String showId) {
        return List.copyOf(guests.getOrDefault(showId, List.of()));
    }
}
