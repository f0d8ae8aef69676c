package dev.allframe.it.sagas;

/** The booking saga's input: the card is declined when {@code cardDeclined}. */
public record Booking(String id, boolean cardDeclined) {
}
