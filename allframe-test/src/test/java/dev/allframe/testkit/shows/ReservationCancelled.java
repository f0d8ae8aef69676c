package dev.allframe.testkit.shows;

public record ReservationCancelled(String showId, String guest) implements ShowEvent {
}
