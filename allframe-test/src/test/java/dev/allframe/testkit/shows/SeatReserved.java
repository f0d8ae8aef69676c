package dev.allframe.testkit.shows;

public record SeatReserved(String showId, String guest) implements ShowEvent {
}
