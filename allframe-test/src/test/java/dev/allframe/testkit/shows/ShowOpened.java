package dev.allframe.testkit.shows;

public record ShowOpened(String showId, int seats) implements ShowEvent {
}
