package dev.allframe.jpa.saga;

/** An output kept with the saga as JSON. */
public record Receipt(String account, int amount) {
}
