package dev.allframe.cdi.features.sagas;

/** The saga's input. */
public record Transfer(String from, String to, int amount) {
}
