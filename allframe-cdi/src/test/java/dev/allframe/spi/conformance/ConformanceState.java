package dev.allframe.spi.conformance;

/**
 * The aggregate state the snapshot conformance suite saves. A store that serialises states must give it back
 * equal to what was saved.
 */
public record ConformanceState(String owner, long total) {
}
