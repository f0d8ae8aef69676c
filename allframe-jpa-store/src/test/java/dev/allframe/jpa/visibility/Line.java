package dev.allframe.jpa.visibility;

/** A package-private record inside an event. */
record Line(String text, long cents) {
}
