package dev.allframe.spi.conformance;

/**
 * The event the conformance suite appends, stored under the type name {@code "ConformanceEvent"} with
 * schema version 1. A store that serialises events must give it back equal to what was appended.
 */
public record ConformanceEvent(String text, int number) {
}
